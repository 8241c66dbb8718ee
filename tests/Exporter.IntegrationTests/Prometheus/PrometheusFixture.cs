using System.Globalization;
using System.Text.Json;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Prometheus;

/// <summary>
/// A real Prometheus 2.42 scraping our host every 3 s, with two jobs: "openmetrics" gets what
/// Prometheus negotiates by default (OpenMetrics), "text" goes through a proxy that asks for the
/// text format 0.0.4. Ready once each job has been scraped successfully a few times. (A 1 s scrape
/// timeout was too short for a whole scrape through a proxy on a busy 2-core machine.)
/// </summary>
public sealed class PrometheusFixture : IAsyncLifetime
{
    public const string OpenMetricsJob = "openmetrics";
    public const string TextJob = "text";

    /// <summary>The unit tests' textfile fixtures: a histogram and a summary go through both formats too.</summary>
    internal static readonly string TextfileFixtures = RepoPaths.Combine("tests", "Exporter.Core.Tests", "fixtures", "textfile");

    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly string _dir = Directory.CreateTempSubdirectory("exporter-prometheus-").FullName;
    private HostProcess? _host;
    private LocalServer? _prometheus;

    internal RecordingProxy OpenMetricsProxy { get; private set; } = null!;

    internal RecordingProxy TextProxy { get; private set; } = null!;

    public Uri Api { get; private set; } = null!;

    public string Log => _prometheus?.Output ?? string.Empty;

    public async Task InitializeAsync()
    {
        var binary = Tools.Require("prometheus");
        _host = await HostProcess.StartAsync($"--collector.textfile.directory={TextfileFixtures}");
        OpenMetricsProxy = new RecordingProxy(_host.BaseAddress, replaceAccept: null);
        TextProxy = new RecordingProxy(_host.BaseAddress, replaceAccept: "text/plain;version=0.0.4;q=1");
        var config = Path.Join(_dir, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 3s
              scrape_timeout: 3s
            scrape_configs:
              - job_name: {OpenMetricsJob}
                static_configs:
                  - targets: ["127.0.0.1:{OpenMetricsProxy.Port}"]
              - job_name: {TextJob}
                static_configs:
                  - targets: ["127.0.0.1:{TextProxy.Port}"]
            """);

        _prometheus = await LocalServer.StartAsync(binary, [
            $"--config.file={config}",
            $"--storage.tsdb.path={Path.Join(_dir, "data")}",
            "--web.listen-address=127.0.0.1:0",
            "--log.level=warn",
        ], "/-/ready");
        Api = new Uri(_prometheus.BaseAddress, "api/v1/");

        // A few successful scrapes of each job (up is 1), so rate() over a 10 s window has points.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            if (_prometheus.Process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited with {_prometheus.Process.ExitCode}: {_prometheus.Output}");
            }

            try
            {
                var counts = await QueryAsync("sum_over_time(up[1m])");
                if (counts.Count == 2 && counts.Values.All(v => v >= 4))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Prometheus did not scrape both jobs successfully 4 times within 120 s: " + _prometheus.Output);
            }

            await Task.Delay(500);
        }
    }

    public Task DisposeAsync()
    {
        _prometheus?.Dispose();
        OpenMetricsProxy?.Dispose();
        TextProxy?.Dispose();
        _host?.Dispose();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>An instant query: each result series' labels (as name{...}) with its value.</summary>
    public async Task<Dictionary<string, double>> QueryAsync(string promql)
    {
        using var json = await GetAsync("query?query=" + Uri.EscapeDataString(promql));
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var series in json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray())
        {
            var labels = series.GetProperty("metric").EnumerateObject().Select(p => $"{p.Name}=\"{p.Value.GetString()}\"");
            var value = series.GetProperty("value")[1].GetString()!;
            result["{" + string.Join(",", labels) + "}"] = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return result;
    }

    public async Task<JsonDocument> GetAsync(string path)
    {
        var text = await Client.GetStringAsync(new Uri(Api, path));
        var json = JsonDocument.Parse(text);
        if (json.RootElement.GetProperty("status").GetString() != "success")
        {
            throw new InvalidOperationException($"Prometheus API {path}: {text}");
        }

        return json;
    }
}
