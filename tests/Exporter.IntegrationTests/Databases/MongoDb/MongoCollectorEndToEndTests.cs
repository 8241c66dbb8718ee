using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Databases.MongoDb;

/// <summary>
/// The host with five MongoDB targets from its --config.file: one healthy (the spec-built responder), one behind TLS with
/// its own CA, one with a wrong password, one refused port and one server that accepts TCP and
/// never answers. Only the healthy
/// one is up; the rest are mongodb_up 0 within the target timeout, logged once, without the secret.
/// </summary>
public sealed class MongoCollectorEndToEndTests : IAsyncLifetime
{
    private const string Password = "s3cret-Pa55";
    private const string WrongPassword = "n0t-the-Pa55";

    private readonly string _dir = Directory.CreateTempSubdirectory("exporter-mongo-").FullName;
    private readonly TcpListener _silent = new(IPAddress.Loopback, 0);
    private readonly HeldPort _refused = new();
    private MongoResponder _good = null!;
    private MongoResponder _other = null!;
    private MongoResponder _tls = null!;
    private X509Certificate2 _certificate = null!;
    private HostProcess _host = null!;

    public async Task InitializeAsync()
    {
        _good = new MongoResponder("exporter", Password,
            new FakeDatabase("admin", 1, 2, 300, 4096, 4096),
            new FakeDatabase("local", 1, 1, 1000, 20480, 20480),
            new FakeDatabase("shop", 3, 1234, 56789.5, 98304, 45056));
        _other = new MongoResponder("exporter", Password, new FakeDatabase("admin", 1, 2, 300, 4096, 4096));
        _certificate = TestCertificate.Create();
        _tls = new MongoResponder("exporter", Password, new FakeDatabase("secure", 2, 20, 2000, 8192, 4096)) { Certificate = _certificate };
        _silent.Start();
        var passwordFile = Path.Join(_dir, "good.password");
        await File.WriteAllTextAsync(passwordFile, Password + "\n");

        var caFile = TestCertificate.WritePem(_certificate, _dir);
        var config = Path.Join(_dir, "databases.yml");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            mongodb:
              - name: good
                port: {_good.Port}
                user: exporter
                password_file: {passwordFile}
                timeout: 2s
              - name: wrongpw
                port: {_other.Port}
                user: exporter
                password_env: WRONG_MONGO_PASSWORD
                timeout: 2s
              - name: refused
                port: {_refused.Port}
                timeout: 2s
              - name: silent
                port: {((IPEndPoint)_silent.LocalEndpoint).Port}
                timeout: 2s
              - name: tls
                host: localhost
                port: {_tls.Port}
                user: exporter
                password_file: {passwordFile}
                tls: true
                tls_ca_file: {caFile}
                timeout: 2s
            """));
        var env = new Dictionary<string, string> { ["WRONG_MONGO_PASSWORD"] = WrongPassword };
        _host = await HostProcess.StartAsync(env, "--collector.timeout=5s", $"--config.file={config}");
    }

    [Fact]
    public async Task Reports_each_target_and_isolates_the_broken_ones()
    {
        var metrics = await ScrapeUntilGoodIsUpAsync();

        Value(metrics, "node_scrape_collector_success{collector=\"mongodb\"}").Should().Be(1);
        Value(metrics, "mongodb_up{target=\"good\"}").Should().Be(1, _host.Output);
        Value(metrics, "mongodb_up{target=\"wrongpw\"}").Should().Be(0);
        Value(metrics, "mongodb_up{target=\"refused\"}").Should().Be(0);
        Value(metrics, "mongodb_up{target=\"silent\"}").Should().Be(0);
        Value(metrics, "mongodb_up{target=\"tls\"}").Should().Be(1);
        Value(metrics, "mongodb_dbstats_objects{target=\"tls\",database=\"secure\"}").Should().Be(20);

        Value(metrics, "mongodb_dbstats_collections{target=\"good\",database=\"shop\"}").Should().Be(3);
        Value(metrics, "mongodb_dbstats_objects{target=\"good\",database=\"shop\"}").Should().Be(1234);
        Value(metrics, "mongodb_dbstats_dataSize{target=\"good\",database=\"shop\"}").Should().Be(56789.5);
        Value(metrics, "mongodb_dbstats_storageSize{target=\"good\",database=\"shop\"}").Should().Be(98304);
        Value(metrics, "mongodb_dbstats_indexSize{target=\"good\",database=\"shop\"}").Should().Be(45056);
        Value(metrics, "mongodb_dbstats_storageSize{target=\"good\",database=\"local\"}").Should().Be(20480);
        Value(metrics, "mongodb_ss_connections{target=\"good\",conn_type=\"current\"}").Should().Be(3);
        Value(metrics, "mongodb_ss_connections{target=\"good\",conn_type=\"available\"}").Should().Be(838857);
        Value(metrics, "mongodb_version_info{target=\"good\",mongodb=\"7.0.14\"}").Should().Be(1);

        // Nothing from the failed targets but their mongodb_up.
        metrics.Should().NotContainAny("target=\"wrongpw\",", "target=\"refused\",", "target=\"silent\",");
        metrics.Should().NotContainAny(Password, WrongPassword);
        metrics.Should().Contain("# TYPE mongodb_dbstats_dataSize gauge");
    }

    [Fact]
    public async Task Reuses_the_connection_logs_each_failure_once_and_reconnects()
    {
        await ScrapeUntilGoodIsUpAsync();
        var connections = _good.Connections;
        var authentications = _good.Commands.Count(c => c == "saslStart");
        await _host.GetMetricsAsync();
        var metrics = await _host.GetMetricsAsync();

        // The driver holds its monitoring connection and one pooled connection: neither is opened again per scrape.
        Value(metrics, "mongodb_up{target=\"good\"}").Should().Be(1, _host.Output);
        _good.Connections.Should().Be(connections, "the connections are kept between scrapes");
        _good.Commands.Count(c => c == "saslStart").Should().Be(authentications, "authentication happens once per connection");

        // A server restart drops the connections: the next scrape opens new ones and still reports up.
        _good.DropConnections();
        metrics = await _host.GetMetricsAsync();
        Value(metrics, "mongodb_up{target=\"good\"}").Should().Be(1);
        _good.Connections.Should().BeGreaterThan(connections);

        var log = _host.Output;
        Regex.Count(log, "mongodb target wrongpw is down: .*Authentication failed").Should().Be(1, log);
        Regex.Count(log, "mongodb target refused is down").Should().Be(1, log);
        Regex.Count(log, "mongodb target silent is down: no answer within 2s").Should().Be(1, log);
        log.Should().NotContainAny(Password, WrongPassword);
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        await _good.DisposeAsync();
        await _other.DisposeAsync();
        await _tls.DisposeAsync();
        _certificate.Dispose();
        _silent.Dispose();
        _refused.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    // The first scrape also starts the driver (and on a JIT host compiles it), which a busy machine
    // may not finish within the 2 s target timeout; a few scrapes at most.
    private async Task<string> ScrapeUntilGoodIsUpAsync()
    {
        var metrics = await _host.GetMetricsAsync();
        for (var attempt = 1; attempt < 10 && !metrics.Contains("mongodb_up{target=\"good\"} 1", StringComparison.Ordinal); attempt++)
        {
            metrics = await _host.GetMetricsAsync();
        }

        return metrics;
    }

    private static double Value(string metrics, string series)
    {
        var line = metrics.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        line.Should().NotBeNull($"{series} should be in:\n{metrics}");
        return double.Parse(line![(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
