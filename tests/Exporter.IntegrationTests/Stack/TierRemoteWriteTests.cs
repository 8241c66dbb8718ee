using System.Text.Json;
using System.Text.RegularExpressions;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Stack;

/// <summary>
/// The downsampling design, live: a real Prometheus evaluates the shipped tier rules on our host's
/// samples, and the shipped remote_write + write_relabel_configs deliver each tier, and only that
/// tier, to its own real VictoriaMetrics, with the values Prometheus recorded.
/// </summary>
[Collection(LiveStackCollection.Name)]
public sealed class TierRemoteWriteTests(LiveStack stack)
{
    [Theory]
    [InlineData("1m")]
    [InlineData("5m")]
    [InlineData("1h")]
    public async Task Each_store_receives_its_tier_and_nothing_else(string tier)
    {
        var names = await stack.Stores[tier].MetricNamesAsync();

        names.Should().Contain($"instance:node_load1:avg_{tier}");
        names.Should().OnlyContain(n => Regex.IsMatch(n, $"^[^:]+:[^:]+:(avg|max)_{tier}$"), "raw samples and other tiers stay out of this store");
    }

    [Fact]
    public async Task Stored_values_are_the_ones_prometheus_recorded()
    {
        const string Series = "instance:node_load1:avg_1m";
        var export = await stack.Stores["1m"].GetStringAsync("api/v1/export?match[]=" + Uri.EscapeDataString(Series));
        using var line = JsonDocument.Parse(export.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0]);
        var metric = line.RootElement.GetProperty("metric");
        var timestamps = line.RootElement.GetProperty("timestamps").EnumerateArray().Select(t => t.GetInt64()).ToList();
        var values = line.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToList();

        metric.GetProperty("instance").GetString().Should().Be(stack.Instance);
        timestamps.Should().NotBeEmpty();
        for (var i = Math.Max(0, timestamps.Count - 3); i < timestamps.Count; i++)
        {
            var recorded = await stack.Prometheus.QueryAsync(Series, timestamps[i] / 1000.0);
            // VictoriaMetrics keeps a value as a decimal of about 15 significant digits, so the last bit may differ.
            PromQl.Value(recorded.Should().ContainSingle().Subject).Should().BeApproximately(values[i], 1e-12 * Math.Max(1, Math.Abs(values[i])), $"the sample at {timestamps[i]}");
        }
    }

    /// <summary>Needs every host collector the tiers read (cpu, meminfo, filesystem, diskstats, netdev, netstat, sockstat).</summary>
    [Fact]
    public async Task Every_tier_and_node_mixin_rule_has_data_from_our_host()
    {
        var exposed = await stack.Prometheus.MetricNamesAsync();
        var noSwap = (await stack.Prometheus.QueryAsync("node_memory_SwapTotal_bytes > 0")).Count == 0;
        var rules = new[] { "tiers.rules.yml", "node-mixin.rules.yml" }
            .SelectMany(f => Yaml.Load(RepoPaths.Combine("prometheus", "rules", f)).Maps("groups"))
            .SelectMany(g => g.Maps("rules"))
            // A host without swap has no swap percentage, by design (no NaN series).
            .Where(r => !(noSwap && r.Text("record").Contains("swap", StringComparison.Ordinal)))
            .ToList();

        var empty = rules.Where(r => !exposed.Contains(r.Text("record"))).ToList();

        empty.Select(r => r.Text("record")).Should().BeEmpty(
            "metrics our host did not expose: " + string.Join(", ", empty.SelectMany(r => Dashboards.MetricNames(r.Text("expr"))).Distinct().Where(m => !exposed.Contains(m))));
    }
}
