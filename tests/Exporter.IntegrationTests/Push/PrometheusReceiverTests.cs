using System.Globalization;
using System.Text.Json;
using Exporter.IntegrationTests.Stack;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Push;

/// <summary>
/// The host pushes to a real Prometheus 2.42 (--web.enable-remote-write-receiver): the series arrive
/// with their names, labels, values and timestamps, and a series whose source goes away (a textfile
/// collector file removed) ends with a stale marker, so PromQL stops showing it at once instead of
/// after its 5-minute lookback.
/// </summary>
public sealed class PrometheusReceiverTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("push-prometheus-").FullName;

    [Fact]
    public async Task Pushed_series_arrive_as_written_and_a_removed_series_is_gone_at_once()
    {
        var textfiles = Directory.CreateDirectory(Path.Join(_dir, "textfile")).FullName;
        var prom = Path.Join(textfiles, "push_test.prom");
        await File.WriteAllTextAsync(prom, """
            # HELP push_test_value A value the test wrote.
            # TYPE push_test_value gauge
            push_test_value{kind="a"} 42
            push_test_value{kind="b",empty=""} -1.5
            # HELP push_test_seconds A histogram the test wrote.
            # TYPE push_test_seconds histogram
            push_test_seconds_bucket{le="0.5"} 3
            push_test_seconds_bucket{le="+Inf"} 4
            push_test_seconds_sum 1.25
            push_test_seconds_count 4

            """);
        var config = Path.Join(_dir, "prometheus.yml");
        await File.WriteAllTextAsync(config, "global:\n  scrape_interval: 1m\n");
        using var prometheus = await Server.StartAsync("prometheus", "-/ready",
            $"--config.file={config}", $"--storage.tsdb.path={Path.Join(_dir, "data")}", "--web.listen-address=127.0.0.1:0",
            "--web.enable-remote-write-receiver", "--log.level=warn");
        var url = prometheus.BaseAddress;
        using var promql = new PromQl(url);
        var instance = "prom-push-" + Guid.NewGuid().ToString("N")[..8];
        using var host = await HostProcess.StartAsync(
            "--collector.disable-defaults", "--collector.textfile", "--collector.time", $"--collector.textfile.directory={textfiles}",
            $"--push.url={new Uri(url, "api/v1/write")}", "--push.interval=1s", $"--push.label=instance={instance}", "--push.label=dc=test");

        var values = await Server.EventuallyAsync(
            async () => await promql.QueryAsync($"push_test_value{{instance=\"{instance}\"}}") is { Count: 2 } found ? found : null,
            TimeSpan.FromSeconds(60), "the pushed series in Prometheus");

        values.Select(Describe).Order(StringComparer.Ordinal).Should().Equal(
            $"push_test_value{{dc=\"test\",instance=\"{instance}\",job=\"exporter\",kind=\"a\"}} 42",
            $"push_test_value{{dc=\"test\",instance=\"{instance}\",job=\"exporter\",kind=\"b\"}} -1.5");
        (await promql.QueryAsync($"push_test_seconds_bucket{{instance=\"{instance}\"}}")).Select(Describe).Order(StringComparer.Ordinal).Should().Equal(
            $"push_test_seconds_bucket{{dc=\"test\",instance=\"{instance}\",job=\"exporter\",le=\"+Inf\"}} 4",
            $"push_test_seconds_bucket{{dc=\"test\",instance=\"{instance}\",job=\"exporter\",le=\"0.5\"}} 3");

        // Timestamps are the collections' times: one a second, each within the collection that
        // also read the clock into node_time_seconds.
        var times = await Server.EventuallyAsync(
            async () => await promql.QueryAsync($"node_time_seconds{{instance=\"{instance}\"}}[30s]") is [var series] && series.GetProperty("values").GetArrayLength() >= 3 ? new[] { series } : null,
            TimeSpan.FromSeconds(60), "three collections");
        foreach (var point in times[0].GetProperty("values").EnumerateArray())
        {
            var timestamp = point[0].GetDouble();
            var clock = double.Parse(point[1].GetString()!, CultureInfo.InvariantCulture);
            clock.Should().BeInRange(timestamp, timestamp + 5, "node_time_seconds is read during the collection stamped with its start");
        }

        (await host.GetMetricsAsync()).Should().Contain("exporter_push_samples_sent_total{url=").And.Contain("kind=\"a\"} 42", "/metrics keeps serving");

        File.Delete(prom);
        var removed = DateTime.UtcNow;
        await Server.EventuallyAsync(
            async () => (await promql.QueryAsync($"push_test_value{{instance=\"{instance}\"}}")).Count == 0 ? "gone" : null,
            TimeSpan.FromSeconds(60), "the removed file's series to go stale");
        (DateTime.UtcNow - removed).Should().BeLessThan(TimeSpan.FromMinutes(1), "a stale marker ends it; without one it would stay 5 minutes");
        (await promql.QueryAsync($"push_test_value{{instance=\"{instance}\"}}[1m]")).Should().HaveCount(2, "the series were there until the marker");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Describe(JsonElement series)
    {
        var labels = series.GetProperty("metric").EnumerateObject().Where(p => p.Name != "__name__")
            .OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}=\"{p.Value.GetString()}\"");
        return $"{series.GetProperty("metric").GetProperty("__name__").GetString()}{{{string.Join(",", labels)}}} {series.GetProperty("value")[1].GetString()}";
    }
}
