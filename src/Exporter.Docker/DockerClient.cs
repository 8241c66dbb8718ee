using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Exporter.Docker;

/// <summary>
/// A small Docker Engine API client: HTTP/1.1 over the engine's unix socket (or tcp, optionally TLS),
/// the API version negotiated once from GET /version, every call bounded by a timeout.
/// https://docs.docker.com/engine/api/
/// </summary>
public sealed class DockerClient : IDisposable
{
    /// <summary>
    /// The newest API version whose answers this client reads. The fields it reads are the same from
    /// 1.24 to 1.51, so the engine's own version is used when it is older (1.41 for Debian 12's
    /// docker.io), and this one when the engine is newer.
    /// </summary>
    public static readonly Version MaxApiVersion = new(1, 51);

    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private volatile string? _apiPrefix;

    public DockerClient(DockerEndpoint endpoint, TimeSpan timeout, string? tlsCertPath = null, TimeProvider? timeProvider = null)
    {
        Endpoint = endpoint;
        _timeout = timeout;
        _time = timeProvider ?? TimeProvider.System;
        var handler = new SocketsHttpHandler
        {
            // Connections are reused across scrapes; a daemon restart simply opens new ones.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = timeout,
        };
        if (endpoint.SocketPath is { } socketPath)
        {
            handler.ConnectCallback = (_, ct) => ConnectUnixAsync(socketPath, ct);
        }

        if (endpoint.Tls)
        {
            handler.SslOptions = TlsOptions(tlsCertPath);
        }

        // Every call is bounded by its own token (on the injected clock), not HttpClient's timer.
        _http = new HttpClient(handler) { BaseAddress = endpoint.BaseAddress, Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    public DockerEndpoint Endpoint { get; }

    /// <summary>The negotiated version, e.g. "1.41"; null before the first successful call.</summary>
    public string? ApiVersion => _apiPrefix?.Trim('/').TrimStart('v');

    public async Task<DockerVersion> GetVersionAsync(CancellationToken ct) =>
        DockerJson.ParseVersion(await GetAsync("/version", ct));

    public async Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(CancellationToken ct) =>
        DockerJson.ParseContainers(await GetVersionedAsync("containers/json?all=1", ct));

    public async Task<ContainerInspect> InspectAsync(string id, CancellationToken ct) =>
        DockerJson.ParseInspect(await GetVersionedAsync($"containers/{Uri.EscapeDataString(id)}/json", ct));

    /// <summary>One stats sample; the engine takes about a second (it reads CPU twice to compute a rate).</summary>
    public async Task<ContainerStats> StatsAsync(string id, CancellationToken ct) =>
        DockerJson.ParseStats(await GetVersionedAsync($"containers/{Uri.EscapeDataString(id)}/stats?stream=false", ct));

    /// <summary>Forgets the negotiated version, so the next call asks again (the engine may have been upgraded).</summary>
    public void Renegotiate() => _apiPrefix = null;

    public void Dispose() => _http.Dispose();

    /// <summary>min(engine's ApiVersion, <see cref="MaxApiVersion"/>), as "v1.41".</summary>
    public static string Negotiate(DockerVersion version)
    {
        if (!System.Version.TryParse(version.ApiVersion, out var engine))
        {
            throw new FormatException($"docker: version: ApiVersion '{version.ApiVersion}' is not a version");
        }

        var chosen = engine < MaxApiVersion ? engine : MaxApiVersion;
        return string.Create(CultureInfo.InvariantCulture, $"v{chosen.Major}.{chosen.Minor}");
    }

    private async Task<string> GetVersionedAsync(string path, CancellationToken ct)
    {
        var prefix = _apiPrefix;
        if (prefix is null)
        {
            prefix = Negotiate(await GetVersionAsync(ct));
            _apiPrefix = prefix;
        }

        return await GetAsync($"/{prefix}/{path}", ct);
    }

    private async Task<string> GetAsync(string path, CancellationToken ct)
    {
        using var timer = new CancellationTokenSource(_timeout, _time);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), cts.Token);
            var body = await response.Content.ReadAsStringAsync(cts.Token);
            if (!response.IsSuccessStatusCode)
            {
                var message = DockerJson.TryParseErrorMessage(body) ?? body.Trim();
                throw new DockerApiException(response.StatusCode, $"docker: {path.Split('?')[0]}: {(int)response.StatusCode} {message}");
            }

            return body;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"docker: {path.Split('?')[0]}: no answer within {_timeout.TotalSeconds:0.###}s");
        }
        catch (HttpRequestException e)
        {
            // The socket error says what is wrong (no such file, permission denied, refused).
            throw new DockerApiException($"docker: cannot reach the engine at {Describe()}: {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    private string Describe() => Endpoint.SocketPath is { } path ? "unix://" + path : Endpoint.BaseAddress.ToString();

    private static async ValueTask<Stream> ConnectUnixAsync(string path, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // Like the docker CLI with DOCKER_CERT_PATH: cert.pem/key.pem as the client certificate, and the
    // server checked against ca.pem alone. Without a directory, the system's roots check the server.
    private static SslClientAuthenticationOptions TlsOptions(string? certPath)
    {
        var options = new SslClientAuthenticationOptions();
        if (string.IsNullOrWhiteSpace(certPath))
        {
            return options;
        }

        var certFile = Path.Join(certPath, "cert.pem");
        if (File.Exists(certFile))
        {
            options.ClientCertificates = [X509Certificate2.CreateFromPemFile(certFile, Path.Join(certPath, "key.pem"))];
        }

        var caFile = Path.Join(certPath, "ca.pem");
        if (File.Exists(caFile))
        {
            var ca = new X509Certificate2Collection();
            ca.ImportFromPemFile(caFile);
            options.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                {
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.AddRange(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(new X509Certificate2(certificate));
            };
        }

        return options;
    }
}
