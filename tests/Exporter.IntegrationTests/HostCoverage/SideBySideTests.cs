using Exporter.TestSupport;

namespace Exporter.IntegrationTests.HostCoverage;

/// <summary>
/// Our processes, tcpstat, self-metrics and portable collectors next to node_exporter 1.5 on this
/// machine: same names and label names; values equal where they cannot move between the two
/// scrapes, close where they can.
/// </summary>
[Collection(MachineWideCollection.Name)]
[Trait("Category", MachineWideCollection.Category)]
public sealed class SideBySideTests
{
    [Fact]
    public async Task Processes_and_tcpstat_match_node_exporter()
    {
        using var node = await NodeExporterProcess.StartAsync("--collector.processes", "--collector.tcpstat");
        using var host = await HostProcess.StartAsync("--collector.processes", "--collector.tcpstat");

        var theirs = await node.ScrapeAsync();
        var ours = ScrapedSample.Parse(await host.GetMetricsAsync());

        foreach (var name in new[] { "node_processes_max_processes", "node_processes_max_threads" })
        {
            One(ours, name).Should().Be(One(theirs, name), name);
        }

        // Processes and threads come and go between the two scrapes (and each exporter is one of them).
        One(ours, "node_processes_pids").Should().BeApproximately(One(theirs, "node_processes_pids"), 20);
        One(ours, "node_processes_threads").Should().BeApproximately(One(theirs, "node_processes_threads"), 100);
        ours.Where(s => s.Name == "node_processes_state").Should().OnlyContain(s => s.Label("state").Length == 1);
        ours.Where(s => s.Name == "node_processes_threads_state").Select(s => s.Label("thread_state"))
            .Should().Contain("S").And.OnlyContain(s => s.Length == 1);

        // Run alone (MachineWideCollection), but the exporters themselves open and close sockets.
        State(ours, "listen").Should().BeApproximately(State(theirs, "listen"), 10);
        State(ours, "established").Should().BeApproximately(State(theirs, "established"), 10);
        ours.Where(s => s.Name == "node_tcp_connection_states").Select(s => s.Label("state"))
            .Should().Contain(["listen", "rx_queued_bytes", "tx_queued_bytes"]);
    }

    [Fact]
    public async Task Arp_entries_match_node_exporter()
    {
        using var node = await NodeExporterProcess.StartAsync("--collector.disable-defaults", "--collector.arp");
        using var host = await HostProcess.StartAsync("--collector.disable-defaults", "--collector.arp");

        var theirs = (await node.ScrapeAsync()).Where(s => s.Name == "node_arp_entries").ToDictionary(s => s.Label("device"), s => s.Value);
        var ours = ScrapedSample.Parse(await host.GetMetricsAsync()).Where(s => s.Name == "node_arp_entries").ToDictionary(s => s.Label("device"), s => s.Value);

        theirs.Should().NotBeEmpty("this machine has a default gateway in its ARP table");
        ours.Should().BeEquivalentTo(theirs);
    }

    [Fact]
    public async Task Self_metrics_have_the_names_node_exporter_has()
    {
        using var node = await NodeExporterProcess.StartAsync();
        using var host = await HostProcess.StartAsync();

        var theirs = await node.ScrapeAsync();
        var ours = ScrapedSample.Parse(await host.GetMetricsAsync());

        ours.Select(s => s.Name).Should().Contain(theirs.Select(s => s.Name).Where(n => n.StartsWith("process_", StringComparison.Ordinal)));
        One(ours, "process_virtual_memory_max_bytes").Should().Be(One(theirs, "process_virtual_memory_max_bytes"));
        One(ours, "process_max_fds").Should().Be(One(theirs, "process_max_fds"), "both inherit the test's limit");
    }

    [Fact]
    public async Task Portable_collectors_agree_with_node_exporter_on_linux()
    {
        using var node = await NodeExporterProcess.StartAsync();
        using var host = await HostProcess.StartAsync(
            "--collector.disable-defaults", "--collector.portable_system", "--collector.portable_filesystem",
            "--collector.portable_netdev", "--collector.portable_processes");

        var theirs = await node.ScrapeAsync();
        var ours = ScrapedSample.Parse(await host.GetMetricsAsync());

        // Memory and processors as this process sees them: the machine's, or fewer under a cgroup
        // limit or CPU affinity. The host inherits the test's, so it sees what the test sees, and at
        // most what node_exporter reads for the whole machine.
        var memTotal = One(theirs, "node_memory_MemTotal_bytes");
        var available = (double)GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        One(ours, "node_memory_MemTotal_bytes").Should().BeApproximately(available, 0.01 * available).And.BeLessThanOrEqualTo(memTotal);
        One(ours, "portable_cpu_logical_count").Should().Be(Environment.ProcessorCount)
            .And.BeLessThanOrEqualTo(theirs.Where(s => s.Name == "node_cpu_seconds_total").Select(s => s.Label("cpu")).Distinct().Count());
        One(ours, "node_boot_time_seconds").Should().BeApproximately(One(theirs, "node_boot_time_seconds"), 5);

        // Same file system, same statfs: sizes equal, free space close (it moves while other things run).
        var size = Value(theirs, "node_filesystem_size_bytes", "mountpoint", "/");
        Value(ours, "node_filesystem_size_bytes", "mountpoint", "/").Should().Be(size);
        Value(ours, "node_filesystem_avail_bytes", "mountpoint", "/")
            .Should().BeApproximately(Value(theirs, "node_filesystem_avail_bytes", "mountpoint", "/"), 0.01 * size);

        // Byte counters only grow: ours is read later, so at least theirs, and not much more. Compared
        // on the busiest interface node_exporter reports.
        var busiest = theirs.Where(s => s.Name == "node_network_receive_bytes_total").MaxBy(s => s.Value)!;
        Value(ours, "node_network_receive_bytes_total", "device", busiest.Label("device"))
            .Should().BeInRange(busiest.Value, busiest.Value + 100_000_000);

        One(ours, "node_processes_pids").Should().BeGreaterThan(2);
    }

    private static double One(List<ScrapedSample> samples, string name) => samples.Single(s => s.Name == name).Value;

    private static double Value(List<ScrapedSample> samples, string name, string label, string value) =>
        samples.Single(s => s.Name == name && s.Label(label) == value).Value;

    private static double State(List<ScrapedSample> samples, string state) =>
        samples.SingleOrDefault(s => s.Name == "node_tcp_connection_states" && s.Label("state") == state)?.Value ?? 0;
}
