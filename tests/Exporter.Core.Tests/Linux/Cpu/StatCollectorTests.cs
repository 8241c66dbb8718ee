using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class StatCollectorTests
{
    [Fact]
    public async Task Collects_the_system_counters_from_the_fixtures()
    {
        var samples = await Fixtures.CollectAsync(new StatCollector(Fixtures.Paths, new StatOptions()));

        samples.Should().Equal(new Dictionary<string, double>
        {
            ["node_intr_total"] = 641536,
            ["node_context_switches_total"] = 2602757,
            ["node_forks_total"] = 18315,
            ["node_boot_time_seconds"] = 1795304584,
            ["node_procs_running"] = 11,
            ["node_procs_blocked"] = 0,
        });
    }

    [Fact]
    public async Task Softirq_vectors_when_asked_for()
    {
        var samples = await Fixtures.CollectAsync(new StatCollector(Fixtures.Paths, new StatOptions { Softirq = true }));

        samples.Should().Contain("node_softirqs_total{net_rx}", 1454127);
        samples.Should().Contain("node_softirqs_total{block}", 48011);
        samples.Should().Contain("node_softirqs_total{rcu}", 101325);
        samples.Keys.Count(k => k.StartsWith("node_softirqs_total", StringComparison.Ordinal)).Should().Be(10);
    }
}
