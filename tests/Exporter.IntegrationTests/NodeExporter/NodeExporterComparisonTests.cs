using Exporter.IntegrationTests.HostCoverage;
using Exporter.TestSupport;
using Exporter.TestSupport.Exposition;

namespace Exporter.IntegrationTests.NodeExporter;

/// <summary>
/// Our host and node_exporter 1.5 on the same machine at the same moment: for every family both
/// expose, the same series (names and label sets), the same TYPE, and close values for the ones
/// that move slowly. Existing dashboards and alert rules depend on exactly this.
/// </summary>
[Collection(MachineWideCollection.Name)]
[Trait("Category", MachineWideCollection.Category)]
public sealed class NodeExporterComparisonTests(NodeExporterFixture fixture) : IClassFixture<NodeExporterFixture>
{
    [Fact]
    public async Task Every_family_both_expose_has_the_same_series_types_and_slow_values()
    {
        // Series come and go on a live machine (an interface created by a container, a mount):
        // a difference counts only when a second pair of scrapes shows it again.
        var (ours, theirs) = await fixture.ScrapeBothAsync();
        var first = ExpositionComparison.Differences(ours, theirs, fixture.CommonCollectors);
        var differences = first;
        if (first.Count > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            (ours, theirs) = await fixture.ScrapeBothAsync();
            differences = [.. first.Intersect(ExpositionComparison.Differences(ours, theirs, fixture.CommonCollectors))];
        }

        var common = ExpositionComparison.CommonFamilies(ours, theirs).ToList();
        common.Should().Contain("node_scrape_collector_success", "both report their collectors");
        differences.Should().BeEmpty(
            "these differ from node_exporter 1.5 (collectors compared: {0}; families compared: {1}):\n{2}\n",
            string.Join(", ", fixture.CommonCollectors.Order(StringComparer.Ordinal)),
            common.Count,
            string.Join("\n", differences));
    }

    [Fact]
    public async Task Every_family_node_exporter_has_for_a_collector_we_have_we_have_too_unless_documented()
    {
        // The comparison above sees only families both expose; this one sees what we lack. Some
        // families exist only while a device or state does (a mount, an interface going down): a
        // family counts as missing only when a second look still misses it.
        var documented = DashboardExceptions.Load(RepoPaths.Combine("docs", "node-exporter-compatibility.md"));
        var theirs = await fixture.TheirFamiliesByCollectorAsync();
        var missing = ExpositionComparison.MissingFamilies(theirs, (await fixture.ScrapeBothAsync()).Ours, documented);
        if (missing.Count > 0)
        {
            missing = [.. missing.Intersect(ExpositionComparison.MissingFamilies(await fixture.TheirFamiliesByCollectorAsync(), (await fixture.ScrapeBothAsync()).Ours, documented))];
        }

        theirs.Should().HaveCountGreaterThan(100, "node_exporter's default collectors have well over a hundred families here");
        missing.Should().BeEmpty(
            "node_exporter 1.5 has these for collectors we run too; add them, or list them with the reason under \"## Exceptions\" in docs/node-exporter-compatibility.md:\n{0}\n",
            string.Join("\n", missing));
    }

    [Fact]
    public void Missing_families_are_reported_by_collector_and_a_stale_exception_too()
    {
        // The check above must be able to fail.
        var theirs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["node_load1"] = "loadavg", ["node_load5"] = "loadavg", ["node_cpu_guest_seconds_total"] = "cpu", ["node_arp_entries"] = "arp",
        };
        var ours = ExpositionParser.Parse("# TYPE node_load1 gauge\nnode_load1 1\n# TYPE node_arp_entries gauge\nnode_arp_entries{device=\"eth0\"} 1\n");
        var documented = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["node_cpu_guest_seconds_total"] = "not read on this kernel", ["node_arp_entries"] = "was missing once",
        };

        ExpositionComparison.MissingFamilies(theirs, ours, documented).Should().Equal(
            "documented as missing but exposed: node_arp_entries",
            "missing here: node_load5 (node_exporter's loadavg collector)");
    }

    [Fact]
    public async Task Both_run_the_same_collectors_and_all_succeed()
    {
        var (ours, theirs) = await fixture.ScrapeBothAsync();
        var success = ours["node_scrape_collector_success"]!.Samples.ToDictionary(s => s.Labels["collector"], s => s.Value);

        success.Keys.Should().BeEquivalentTo(fixture.CommonCollectors, "we were started with exactly node_exporter's default collectors that we have");
        success.Where(s => s.Value != 1).Select(s => s.Key).Should().BeEmpty("every collector succeeds on this machine");
        theirs["node_scrape_collector_success"]!.Samples.Select(s => s.Labels["collector"]).Should().Contain(success.Keys);
    }

    [Fact]
    public void Comparison_reports_a_missing_series_a_type_and_a_value()
    {
        // The comparison itself must be able to fail.
        var theirs = ExpositionParser.Parse("""
            # TYPE node_memory_MemTotal_bytes gauge
            node_memory_MemTotal_bytes 100
            # TYPE node_cpu_seconds_total counter
            node_cpu_seconds_total{cpu="0",mode="idle"} 1
            node_cpu_seconds_total{cpu="1",mode="idle"} 1
            # TYPE node_load1 gauge
            node_load1 1

            """);
        var ours = ExpositionParser.Parse("""
            # TYPE node_memory_MemTotal_bytes gauge
            node_memory_MemTotal_bytes 101
            # TYPE node_cpu_seconds_total counter
            node_cpu_seconds_total{cpu="0",mode="idle"} 1
            # TYPE node_load1 untyped
            node_load1 1

            """);

        ExpositionComparison.Differences(ours, theirs, new HashSet<string>()).Should().BeEquivalentTo(
            "only in node_exporter: node_cpu_seconds_total{cpu=\"1\",mode=\"idle\"}",
            "node_load1: TYPE untyped here, gauge in node_exporter",
            "value of node_memory_MemTotal_bytes: 101 here, 100 in node_exporter (allowed difference 0)");
    }
}
