using System.Text.Json;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Web;

/// <summary>
/// A real Prometheus 2.42 scraping our host over HTTPS: with basic_auth (right and wrong password)
/// from one host, with a client certificate (present and absent) from another, all four jobs at once.
/// </summary>
public sealed class PrometheusSecureScrapeTests : IDisposable
{
    private readonly WebConfigFolder _folder = new();
    private readonly string _data = Directory.CreateTempSubdirectory("exporter-prometheus-web-").FullName;

    public void Dispose()
    {
        _folder.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Targets_are_up_with_the_right_credentials_and_down_without()
    {
        var hash = BCrypt.Net.BCrypt.HashPassword("scrape-secret", 10);
        _folder.Pki.Client("prometheus", dnsNames: ["prometheus.example.org"]).WriteTo(_folder.Dir, "client");
        using var authHost = await SecureHost.StartAsync(_folder.Dir, WebConfigFolder.Tls + $"basic_auth_users:\n  prometheus: '{hash}'\n");
        var mtlsDir = Directory.CreateDirectory(Path.Join(_folder.Dir, "mtls")).FullName;
        File.Copy(Path.Join(_folder.Dir, "server.crt"), Path.Join(mtlsDir, "server.crt"));
        File.Copy(Path.Join(_folder.Dir, "server.key"), Path.Join(mtlsDir, "server.key"));
        File.Copy(Path.Join(_folder.Dir, "ca.crt"), Path.Join(mtlsDir, "ca.crt"));
        using var mtlsHost = await SecureHost.StartAsync(mtlsDir, WebConfigFolder.Tls + """
              client_ca_file: ca.crt
              client_auth_type: RequireAndVerifyClientCert
              client_allowed_sans: [prometheus.example.org]
            """);

        var ca = Path.Join(_folder.Dir, "ca.crt");
        var config = Path.Join(_data, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 2s
              scrape_timeout: 2s
            scrape_configs:
              - job_name: auth-right
                scheme: https
                tls_config: {Json(new { ca_file = ca })}
                basic_auth: {Json(new { username = "prometheus", password = "scrape-secret" })}
                static_configs: [{Json(new { targets = new[] { $"127.0.0.1:{authHost.Port}" } })}]
              - job_name: auth-wrong
                scheme: https
                tls_config: {Json(new { ca_file = ca })}
                basic_auth: {Json(new { username = "prometheus", password = "not-the-secret" })}
                static_configs: [{Json(new { targets = new[] { $"127.0.0.1:{authHost.Port}" } })}]
              - job_name: mtls-with-cert
                scheme: https
                tls_config: {Json(new { ca_file = ca, cert_file = Path.Join(_folder.Dir, "client.crt"), key_file = Path.Join(_folder.Dir, "client.key") })}
                static_configs: [{Json(new { targets = new[] { $"127.0.0.1:{mtlsHost.Port}" } })}]
              - job_name: mtls-without-cert
                scheme: https
                tls_config: {Json(new { ca_file = ca })}
                static_configs: [{Json(new { targets = new[] { $"127.0.0.1:{mtlsHost.Port}" } })}]
            """);
        using var prometheus = new ExternalProcess(Tools.Require("prometheus"), [
            $"--config.file={config}", $"--storage.tsdb.path={Path.Join(_data, "data")}", "--web.listen-address=127.0.0.1:0", "--log.level=warn",
        ]);
        var port = await ListeningPorts.WaitForOneAsync(prometheus, "prometheus");

        var targets = await WaitForScrapesAsync(new Uri($"http://127.0.0.1:{port}/api/v1/targets"), prometheus);

        targets["auth-right"].Health.Should().Be("up", targets["auth-right"].Error);
        targets["auth-wrong"].Health.Should().Be("down");
        targets["auth-wrong"].Error.Should().Contain("401");
        targets["mtls-with-cert"].Health.Should().Be("up", targets["mtls-with-cert"].Error);
        targets["mtls-without-cert"].Health.Should().Be("down");
        // Under TLS 1.3 the client's handshake ends before the server has judged its (missing)
        // certificate, so the refusal can reach Prometheus as the server closing the connection
        // while the request is written: a reset or a broken pipe, not always a TLS alert.
        targets["mtls-without-cert"].Error.Should().MatchRegex("(?i)certificate|tls|remote error|EOF|reset|broken pipe");
    }

    // YAML is a superset of JSON: values written as JSON need no escaping rules of their own.
    private static string Json(object value) => JsonSerializer.Serialize(value);

    /// <summary>
    /// Waits until every job has been scraped at least twice and shows the expected health (the
    /// first scrapes of a just-started host may time out while it compiles its code), then returns
    /// the last state either way. Generous (120 s): Prometheus and two hosts start on a machine
    /// other tests are also using.
    /// </summary>
    private static async Task<Dictionary<string, (string Health, string Error)>> WaitForScrapesAsync(Uri api, ExternalProcess prometheus)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        var seen = new HashSet<(string Job, string LastScrape)>();
        while (true)
        {
            if (prometheus.HasExited)
            {
                throw new InvalidOperationException("prometheus exited: " + prometheus.Output);
            }

            try
            {
                using var json = JsonDocument.Parse(await client.GetStringAsync(api));
                var targets = json.RootElement.GetProperty("data").GetProperty("activeTargets").EnumerateArray()
                    .Where(t => t.GetProperty("health").GetString() != "unknown")
                    .ToDictionary(
                        t => t.GetProperty("labels").GetProperty("job").GetString()!,
                        t => (t.GetProperty("health").GetString()!, t.GetProperty("lastError").GetString()!, t.GetProperty("lastScrape").GetString()!));
                seen.UnionWith(targets.Select(t => (t.Key, t.Value.Item3)));
                var last = targets.ToDictionary(t => t.Key, t => (t.Value.Item1, t.Value.Item2));
                var settled = targets.Count == 4 && targets.Keys.All(job => seen.Count(s => s.Job == job) >= 2)
                    && last["auth-right"].Item1 == "up" && last["mtls-with-cert"].Item1 == "up" && last["auth-wrong"].Item2.Contains("401", StringComparison.Ordinal);
                if (settled || (DateTime.UtcNow > deadline && targets.Count == 4))
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Prometheus did not scrape all four jobs twice: " + prometheus.Output);
            }

            await Task.Delay(500);
        }
    }
}
