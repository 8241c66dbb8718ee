using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Exporter.TestSupport;
using Exporter.TestSupport.Web;

namespace Exporter.IntegrationTests.Web;

/// <summary>
/// Our host started with --web.config.file in a temporary folder that also holds its certificates.
/// Ready once its port accepts connections (its readiness endpoint may need TLS and a password).
/// </summary>
internal sealed class SecureHost : IDisposable
{
    private readonly ExternalProcess _process;

    private SecureHost(ExternalProcess process, string dir, int port, bool tls)
    {
        _process = process;
        Dir = dir;
        Port = port;
        BaseAddress = new Uri($"{(tls ? "https" : "http")}://127.0.0.1:{port}");
    }

    public string Dir { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public string ConfigFile => Path.Join(Dir, "web.yml");

    public string Output => _process.Output;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Writes <paramref name="yaml"/> as web.yml in <paramref name="dir"/> and starts the host with it.</summary>
    public static Task<SecureHost> StartAsync(string dir, string yaml, params string[] flags) =>
        StartAsync(dir, yaml, new Dictionary<string, string>(), flags);

    /// <summary>As above, with environment variables for the host (e.g. log levels).</summary>
    public static async Task<SecureHost> StartAsync(string dir, string yaml, IDictionary<string, string> environment, params string[] flags)
    {
        await File.WriteAllTextAsync(Path.Join(dir, "web.yml"), yaml);
        var process = new ExternalProcess(RepoPaths.HostFileName, RepoPaths.HostArguments(
            ["--web.listen-address=127.0.0.1:0", $"--web.config.file={Path.Join(dir, "web.yml")}", .. flags]), environment: environment);
        int port;
        try
        {
            port = await ListeningPorts.WaitForOneAsync(process, "host");
        }
        catch
        {
            process.Dispose();
            throw;
        }

        var host = new SecureHost(process, dir, port, yaml.Contains("tls_server_config", StringComparison.Ordinal));
        var deadline = DateTime.UtcNow.AddSeconds(60); // generous: the start competes with other tests for 2 cores
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                process.WaitForExit(TimeSpan.FromSeconds(10));
                var output = process.Output;
                host.Dispose();
                throw new InvalidOperationException($"host exited: {output}");
            }

            if (process.Output.Contains("Now listening on", StringComparison.Ordinal))
            {
                return host;
            }

            await Task.Delay(100);
        }

        host.Dispose();
        throw new TimeoutException("host did not listen: " + process.Output);
    }

    /// <summary>A client that trusts <paramref name="ca"/> only, optionally presenting a client certificate.</summary>
    public static HttpClient Client(X509Certificate2? ca, X509Certificate2? clientCertificate = null, Action<X509Certificate2>? onServerCertificate = null) =>
        new(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.Zero, // a new connection (and handshake) per request
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                LocalCertificateSelectionCallback = clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate,
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    var server = X509CertificateLoader.LoadCertificate(certificate!.GetRawCertData());
                    onServerCertificate?.Invoke(server);
                    if (ca is null)
                    {
                        return false;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(ca);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(server);
                },
            },
        })
        { Timeout = TimeSpan.FromSeconds(30) };

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    public Task<string> WaitForOutputAsync(string text) => _process.WaitForOutputAsync(text);

    public void Dispose() => _process.Dispose();
}
