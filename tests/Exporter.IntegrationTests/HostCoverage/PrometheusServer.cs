using System.Globalization;
using System.Text.Json;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.HostCoverage;

/// <summary>A real Prometheus in a temporary directory, scraping the given jobs; removed on Dispose.</summary>
internal sealed class PrometheusServer : IDisposable
{
    private readonly LocalServer _process;
    private readonly string _directory;
    private readonly HttpClient _client;

    private PrometheusServer(LocalServer process, string directory)
    {
        _process = process;
        _directory = directory;
        _client = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Starts Prometheus scraping each job's one target every <paramref name="interval"/>.</summary>
    public static async Task<PrometheusServer> StartAsync(TimeSpan interval, params (string Job, string Target)[] jobs)
    {
        var binary = Tools.Require("prometheus");
        var directory = Directory.CreateTempSubdirectory("exporter-prometheus-").FullName;
        var seconds = $"{interval.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";
        var config = $"global:\n  scrape_interval: {seconds}\n  scrape_timeout: {seconds}\nscrape_configs:\n" + string.Concat(
            jobs.Select(j => $"  - job_name: {j.Job}\n    static_configs:\n      - targets: ['{j.Target}']\n"));
        await File.WriteAllTextAsync(Path.Join(directory, "prometheus.yml"), config);

        try
        {
            var process = await LocalServer.StartAsync(binary, [
                $"--config.file={Path.Join(directory, "prometheus.yml")}",
                $"--storage.tsdb.path={Path.Join(directory, "data")}",
                "--web.listen-address=127.0.0.1:0",
            ], "/-/ready");
            return new PrometheusServer(process, directory);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Evaluates an instant query at <paramref name="time"/>: true when it returns at least one
    /// series (or a scalar that is a number), false when empty; null (with the error) when Prometheus rejects it.
    /// </summary>
    public async Task<(bool? Filled, string? Error)> HasDataAsync(string query, DateTimeOffset time)
    {
        var uri = new Uri(
            $"/api/v1/query?query={Uri.EscapeDataString(query)}&time={(time.ToUnixTimeMilliseconds() / 1000.0).ToString(CultureInfo.InvariantCulture)}",
            UriKind.Relative);
        using var response = await _client.GetAsync(uri);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        if (root.GetProperty("status").GetString() != "success")
        {
            return (null, root.TryGetProperty("error", out var error) ? error.GetString() : "error");
        }

        var data = root.GetProperty("data");
        var result = data.GetProperty("result");
        return data.GetProperty("resultType").GetString() switch
        {
            "scalar" => (result[1].GetString() is not ("NaN" or "+Inf" or "-Inf"), null),
            "vector" or "matrix" => (result.GetArrayLength() > 0, null),
            _ => (false, null),
        };
    }

    /// <summary>How many samples of <paramref name="metric"/> the job has in the last <paramref name="window"/>.</summary>
    public async Task<int> CountSamplesAsync(string job, string metric, string window)
    {
        var uri = new Uri($"/api/v1/query?query={Uri.EscapeDataString($"count_over_time({metric}{{job=\"{job}\"}}[{window}])")}", UriKind.Relative);
        using var json = JsonDocument.Parse(await _client.GetStringAsync(uri));
        var result = json.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0 ? 0 : int.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        _client.Dispose();
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
