using Exporter.Core;

namespace Exporter.IntegrationTests.Prometheus;

/// <summary>
/// A real Prometheus scrapes our host in both formats without errors, and what it stores can be
/// queried the way dashboards and alert rules do.
/// </summary>
public sealed class PrometheusScrapeTests(PrometheusFixture prometheus) : IClassFixture<PrometheusFixture>
{
    [Fact]
    public async Task Both_targets_are_up_with_no_scrape_error()
    {
        using var json = await prometheus.GetAsync("targets?state=active");
        var targets = json.RootElement.GetProperty("data").GetProperty("activeTargets").EnumerateArray()
            .Select(t => (
                Job: t.GetProperty("labels").GetProperty("job").GetString(),
                Health: t.GetProperty("health").GetString(),
                Error: t.GetProperty("lastError").GetString()))
            .ToList();

        targets.Select(t => t.Job).Should().BeEquivalentTo(PrometheusFixture.OpenMetricsJob, PrometheusFixture.TextJob);
        targets.Should().AllSatisfy(t => t.Should().Be((t.Job, "up", string.Empty), "a parse error shows as lastError; log:\n" + prometheus.Log));
    }

    [Fact]
    public async Task Up_is_one_for_both_formats()
    {
        var up = await prometheus.QueryAsync("up");

        up.Should().HaveCount(2);
        up.Values.Should().AllSatisfy(v => v.Should().Be(1));
    }

    [Fact]
    public void Prometheus_negotiated_openmetrics_and_the_proxy_got_text()
    {
        var openMetrics = prometheus.OpenMetricsProxy.Exchanges.ToList();
        var text = prometheus.TextProxy.Exchanges.ToList();

        // Prometheus 2.42 lists openmetrics-text first in its Accept header.
        openMetrics.Should().NotBeEmpty().And.AllSatisfy(e =>
        {
            e.Accept.Should().StartWith("application/openmetrics-text");
            e.ContentType.Should().StartWith("application/openmetrics-text; version=1.0.0");
        });
        text.Should().NotBeEmpty().And.AllSatisfy(e => e.ContentType.Should().StartWith("text/plain; version=0.0.4"));
    }

    [Fact]
    public async Task Both_formats_store_the_same_series()
    {
        // The same names whichever format was negotiated: counters keep _total, info keeps _info.
        var openMetrics = await prometheus.QueryAsync($"count by (__name__) ({{job=\"{PrometheusFixture.OpenMetricsJob}\",__name__=~\"node_.*\"}})");
        var text = await prometheus.QueryAsync($"count by (__name__) ({{job=\"{PrometheusFixture.TextJob}\",__name__=~\"node_.*\"}})");

        openMetrics.Should().ContainKey("{__name__=\"node_scrape_collector_success\"}");
        openMetrics.Keys.Should().BeEquivalentTo(text.Keys);

        // Series counts match too, except per network device, disk or mount: containers that other
        // tests start and stop add and remove those between the two jobs' scrapes.
        static Dictionary<string, double> Fixed(Dictionary<string, double> counts) =>
            counts.Where(c => !PerDevice.Any(prefix => c.Key.StartsWith(prefix, StringComparison.Ordinal))).ToDictionary();
        Fixed(openMetrics).Should().HaveCountGreaterThan(50).And.BeEquivalentTo(Fixed(text));
    }

    private static readonly string[] PerDevice =
        ["{__name__=\"node_network_", "{__name__=\"node_disk_", "{__name__=\"node_filesystem_"];

    /// <summary>Queries that must return data for both jobs: the shapes dashboards use.</summary>
    public static TheoryData<string> Queries()
    {
        var queries = new TheoryData<string>
        {
            "node_scrape_collector_success == 1",
            "max_over_time(node_scrape_collector_duration_seconds[10s])",

            // A histogram and a summary from the textfile fixtures, read as dashboards read them.
            "histogram_quantile(0.5, backup_duration_seconds_bucket{target=\"db\"}) > 60",
            "backup_duration_seconds_count{target=\"files\"} == 2",
            "backup_size_bytes{quantile=\"0.99\"} == 2.25e9",
        };

        // The cpu collector's counter is the canonical rate() target; required once it is built in.
        if (BuiltInCollectors.Names.Contains("cpu"))
        {
            queries.Add("sum by (job, mode) (rate(node_cpu_seconds_total[10s]))");
        }

        if (BuiltInCollectors.Names.Contains("loadavg"))
        {
            queries.Add("node_load1");
        }

        return queries;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Query_has_data_from_both_jobs(string promql)
    {
        var result = await prometheus.QueryAsync(promql);

        result.Keys.Should().Contain(k => k.Contains($"job=\"{PrometheusFixture.OpenMetricsJob}\""), "{0} should return data from the OpenMetrics job", promql);
        result.Keys.Should().Contain(k => k.Contains($"job=\"{PrometheusFixture.TextJob}\""), "{0} should return data from the text job", promql);
    }
}
