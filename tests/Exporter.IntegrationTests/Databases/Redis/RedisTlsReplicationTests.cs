using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Databases.Redis;

/// <summary>
/// Redis over TLS (a certificate from a CA of the test's own, checked with tls_ca_file) and
/// replication: a primary with a replica, scraped both ways.
/// </summary>
public sealed class RedisTlsReplicationTests : IAsyncLifetime
{
    private const string Password = "tls-Primary-Pw-2468";
    private readonly string _directory = Directory.CreateTempSubdirectory("exporter-redis-tls-").FullName;
    private int _plainPort;
    private int _tlsPort;
    private int _replicaPort;
    private ExternalProcess? _primary;
    private ExternalProcess? _replica;
    private HostProcess? _host;

    public async Task InitializeAsync()
    {
        var (ca, cert, key) = WriteCertificates();
        var redis = Tools.Require("redis-server");

        // Candidate ports, and others when one was taken meanwhile (--port 0 would turn TCP off).
        (_primary, _plainPort, _tlsPort) = await PortConflicts.RetryAsync(async plain =>
        {
            var tls = FreePort.Next();
            var primary = await StartAsync(redis, [plain, tls],
            [
                "--port", Port(plain), "--tls-port", Port(tls), "--bind", "127.0.0.1", "--requirepass", Password, "--save", string.Empty,
                "--tls-cert-file", cert, "--tls-key-file", key, "--tls-ca-cert-file", ca, "--tls-auth-clients", "no", "--dir", _directory,

                // Start the replica's first sync at once instead of after Redis' default 5 s wait.
                "--repl-diskless-sync-delay", "0",
            ]);
            return (primary, plain, tls);
        });
        (_replica, _replicaPort) = await PortConflicts.RetryAsync(async port => (await StartAsync(redis, [port],
        [
            "--port", Port(port), "--bind", "127.0.0.1", "--save", string.Empty, "--dir", _directory, "--dbfilename", "replica.rdb",
            "--replicaof", "127.0.0.1", Port(_plainPort), "--masterauth", Password,
        ]), port));

        var config = Path.Join(_directory, "databases.yml");
        await File.WriteAllTextAsync(config, $"""
            redis:
              - name: tls
                port: {_tlsPort}
                password: {Password}
                tls: true
                tls_ca_file: {ca}
              - name: tls-untrusted
                port: {_tlsPort}
                password: {Password}
                tls: true
              - name: tls-wrong-name
                port: {_tlsPort}
                password: {Password}
                tls: true
                tls_ca_file: {ca}
                tls_server_name: other.example
              - name: primary
                port: {_plainPort}
                password: {Password}
              - name: replica
                port: {_replicaPort}
            """);
        _host = await HostProcess.StartAsync($"--config.file={config}");
    }

    [Fact]
    public async Task Tls_target_is_up_only_with_a_trusted_certificate_of_the_right_name()
    {
        var metrics = await ScrapeUntilAsync(m => m.Value("redis_up", ("target", "tls")) == 1);

        metrics.Value("redis_up", ("target", "tls")).Should().Be(1);
        metrics.Value("redis_uptime_in_seconds", ("target", "tls")).Should().BeInRange(0, 600);
        metrics.Value("redis_up", ("target", "tls-untrusted")).Should().Be(0);
        metrics.Value("redis_up", ("target", "tls-wrong-name")).Should().Be(0);
        (await _host!.WaitForOutputAsync("redis target tls-untrusted is down"))
            .Should().Contain("redis target tls-untrusted is down").And.NotContain(Password);
    }

    [Fact]
    public async Task Primary_and_replica_report_replication()
    {
        var metrics = await ScrapeUntilAsync(m =>
            m.Value("redis_connected_slaves", ("target", "primary")) == 1 && m.Value("redis_master_link_up", ("target", "replica")) == 1);

        metrics.Value("redis_connected_slaves", ("target", "primary")).Should().Be(1);
        metrics.Named("redis_connected_slave_offset_bytes", "primary").Should().ContainSingle()
            .Which.Labels.Should().Contain("slave_port", Port(_replicaPort)).And.Contain("slave_state", "online");
        metrics.Value("redis_master_link_up", ("target", "replica")).Should().Be(1);
        metrics.Named("redis_slave_info", "replica").Should().ContainSingle()
            .Which.Labels.Should().Contain("master_host", "127.0.0.1").And.Contain("master_port", Port(_plainPort)).And.Contain("read_only", "1");
        metrics.Named("redis_instance_info", "replica").Single().Labels["role"].Should().Be("slave");
        metrics.Named("redis_instance_info", "primary").Single().Labels["role"].Should().Be("master");
    }

    public Task DisposeAsync()
    {
        _host?.Dispose();
        _replica?.Dispose();
        _primary?.Dispose();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static Task<ExternalProcess> StartAsync(string redis, int[] ports, string[] arguments) =>
        PortConflicts.StartListeningAsync(redis, arguments, "redis-server", ports);

    private Task<List<Series>> ScrapeUntilAsync(Func<List<Series>, bool> done) => Series.ScrapeUntilAsync(() => _host!.GetMetricsAsync(), done);

    /// <summary>A CA and a server certificate for 127.0.0.1 signed by it, as PEM files.</summary>
    private (string Ca, string Cert, string Key) WriteCertificates()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=exporter test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        using var serverKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), [1, 2, 3, 4]);

        var paths = (Path.Join(_directory, "ca.pem"), Path.Join(_directory, "server.pem"), Path.Join(_directory, "server.key"));
        File.WriteAllText(paths.Item1, ca.ExportCertificatePem());
        File.WriteAllText(paths.Item2, server.ExportCertificatePem());
        File.WriteAllText(paths.Item3, serverKey.ExportPkcs8PrivateKeyPem());
        return paths;
    }
}
