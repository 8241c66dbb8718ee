using System.Globalization;
using System.Net;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using Docker.DotNet.NativeHttp;
using Docker.DotNet.Unix;
using Version = System.Version;

namespace Exporter.Docker;

/// <summary>
/// The four calls the collector makes, through Docker.DotNet (the maintained Docker.DotNet.Enhanced
/// fork): its unix-socket transport for unix://, its SocketsHttpHandler transport for tcp:// (TLS
/// with the CLI's certificate directory). The API version is negotiated once from GET /version, as
/// the docker CLI does, and again after the engine was unreachable. Every call is bounded by a
/// timeout on the injected clock; failures become one-line messages naming the engine.
/// </summary>
internal sealed class DockerEngineClient : IDisposable
{
    /// <summary>
    /// The newest API version whose answers the collector reads. The fields it reads are the same from
    /// 1.24 to 1.51, so the engine's own version is used when it is older (1.41 for Debian 12's
    /// docker.io), and this one when the engine is newer.
    /// </summary>
    public static readonly Version MaxApiVersion = new(1, 51);

    private static readonly ContainersListParameters ListAll = new() { All = true };
    private static readonly ContainerStatsParameters OneSample = new() { Stream = false };

    private readonly DockerEndpoint _endpoint;
    private readonly string? _certPath;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly DockerClient _unversioned;
    private readonly Lock _lock = new();
    private DockerClient? _versioned;

    public DockerEngineClient(DockerEndpoint endpoint, TimeSpan timeout, string? certPath, TimeProvider timeProvider)
    {
        _endpoint = endpoint;
        _certPath = certPath;
        _timeout = timeout;
        _time = timeProvider;
        _unversioned = Build(null);
    }

    /// <summary>The engine, as the log names it: <c>unix:///var/run/docker.sock</c> or its tcp address.</summary>
    public string Describe => _endpoint.SocketPath is { } path ? "unix://" + path : _endpoint.BaseAddress.ToString();

    /// <summary>The negotiated version, e.g. "1.41"; null before the first successful call.</summary>
    public string? ApiVersion { get; private set; }

    public async Task<IList<ContainerListResponse>> ListContainersAsync(CancellationToken ct)
    {
        var client = await VersionedAsync(ct);
        return await CallAsync("/containers/json", t => client.Containers.ListContainersAsync(ListAll, t), ct);
    }

    public async Task<ContainerInspectResponse> InspectAsync(string id, CancellationToken ct)
    {
        var client = await VersionedAsync(ct);
        return await CallAsync("/containers/{id}/json", t => client.Containers.InspectContainerAsync(id, t), ct);
    }

    /// <summary>One stats sample; the engine takes about a second (it reads CPU twice to compute a rate).</summary>
    public async Task<ContainerStatsResponse> StatsAsync(string id, CancellationToken ct)
    {
        var client = await VersionedAsync(ct);
        var sample = new Sample();
        await CallAsync("/containers/{id}/stats", async t =>
        {
            await client.Containers.GetContainerStatsAsync(id, OneSample, sample, t);
            return true;
        }, ct);
        return sample.Value ?? throw new InvalidDataException("docker: /containers/{id}/stats: no sample in the answer");
    }

    /// <summary>Forgets the negotiated version, so the next call asks again (the engine may have been upgraded).</summary>
    public void Renegotiate()
    {
        lock (_lock)
        {
            _versioned?.Dispose();
            _versioned = null;
            ApiVersion = null;
        }
    }

    public void Dispose()
    {
        Renegotiate();
        _unversioned.Dispose();
    }

    /// <summary>min(engine's ApiVersion, <see cref="MaxApiVersion"/>).</summary>
    public static Version Negotiate(string? engineApiVersion)
    {
        if (!Version.TryParse(engineApiVersion, out var engine))
        {
            throw new FormatException($"docker: version: ApiVersion '{engineApiVersion}' is not a version");
        }

        return engine < MaxApiVersion ? engine : MaxApiVersion;
    }

    /// <summary>The "message" of an error answer (<c>{"message":"No such container: x"}</c>), else the body as it is.</summary>
    internal static string ErrorMessage(string? body)
    {
        try
        {
            using var document = JsonDocument.Parse(body ?? string.Empty);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString()!;
            }
        }
        catch (JsonException)
        {
        }

        return (body ?? string.Empty).Trim();
    }

    private async Task<DockerClient> VersionedAsync(CancellationToken ct)
    {
        if (_versioned is { } ready)
        {
            return ready;
        }

        var version = await CallAsync("/version", t => _unversioned.System.GetVersionAsync(t), ct);
        var chosen = Negotiate(version.APIVersion);
        lock (_lock)
        {
            _versioned ??= Build(chosen);
            ApiVersion = string.Create(CultureInfo.InvariantCulture, $"{chosen.Major}.{chosen.Minor}");
            return _versioned;
        }
    }

    private DockerClient Build(Version? apiVersion)
    {
        // Every call carries its own deadline (on the injected clock), so the client's timer is off.
        var builder = new DockerClientBuilder().WithTimeout(System.Threading.Timeout.InfiniteTimeSpan);
        if (apiVersion is not null)
        {
            builder.WithApiVersion(apiVersion);
        }

        if (_endpoint.SocketPath is { } path)
        {
            return builder.WithEndpoint(new Uri("unix://" + path)).WithTransportOptions(new UnixSocketTransportOptions()).Build();
        }

        builder.WithEndpoint(_endpoint.BaseAddress);
        if (_endpoint.Tls)
        {
            builder.WithAuthProvider(DockerTls.Credentials(_certPath));
        }

        return builder.WithTransportOptions(new NativeHttpTransportOptions
        {
            // Connections are reused across scrapes; a daemon restart simply opens new ones.
            ConfigureHandler = handler =>
            {
                handler.PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30);
                handler.ConnectTimeout = _timeout;
            },
        }).Build();
    }

    private async Task<T> CallAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        using var timer = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            // WaitAsync as well as the token: a transport that misses the cancellation cannot hold the scrape.
            return await call(linked.Token).WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"docker: {what}: no answer within {_timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s");
        }
        catch (DockerApiException e)
        {
            throw new DockerCallException(e.StatusCode, $"docker: {what}: {(int)e.StatusCode} {ErrorMessage(e.ResponseBody)}", e);
        }
        catch (HttpRequestException e)
        {
            // The socket error says what is wrong (no such file, permission denied, refused).
            throw new DockerCallException(null, $"docker: cannot reach the engine at {Describe}: {Innermost(e).Message}", e);
        }
        catch (IOException e)
        {
            throw new DockerCallException(null, $"docker: cannot reach the engine at {Describe}: {Innermost(e).Message}", e);
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is { } inner)
        {
            e = inner;
        }

        return e;
    }

    /// <summary>Keeps the one sample a non-streaming stats call reports, synchronously (no thread hop as with Progress&lt;T&gt;).</summary>
    private sealed class Sample : IProgress<ContainerStatsResponse>
    {
        public ContainerStatsResponse? Value { get; private set; }

        public void Report(ContainerStatsResponse value) => Value = value;
    }
}

/// <summary>A call the engine refused (<see cref="Status"/>) or that could not reach it (no status).</summary>
internal sealed class DockerCallException(HttpStatusCode? status, string message, Exception inner) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;
}
