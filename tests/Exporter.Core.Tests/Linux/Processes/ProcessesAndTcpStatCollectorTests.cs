using Exporter.Core.Collection;
using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

/// <summary>The processes and tcpstat collectors on the fixture procfs (fixtures/proc/{1,42,43,100}, net/tcp*).</summary>
public sealed class ProcessesAndTcpStatCollectorTests
{
    [Fact]
    public async Task Processes_counts_pids_threads_and_states_like_node_exporter()
    {
        var samples = await CollectAsync(new ProcessesCollector(Fixtures.Paths));

        samples["node_processes_pids"].Should().Be(4);
        samples["node_processes_threads"].Should().Be(5, "1 + 1 + 1 + 2 threads");
        samples["node_processes_max_processes"].Should().Be(4194304);
        samples["node_processes_max_threads"].Should().Be(192731);
        samples["node_processes_state{R}"].Should().Be(1);
        samples["node_processes_state{S}"].Should().Be(2);
        samples["node_processes_state{Z}"].Should().Be(1);
        samples["node_processes_threads_state{D}"].Should().Be(1, "thread 101 of pid 100 is in D");
        samples["node_processes_threads_state{R}"].Should().Be(1);
        samples["node_processes_threads_state{S}"].Should().Be(2);
        samples["node_processes_threads_state{Z}"].Should().Be(1);
    }

    [Fact]
    public async Task Tcpstat_sums_tcp_and_tcp6_per_state()
    {
        var samples = await CollectAsync(new TcpStatCollector(Fixtures.Paths));

        samples.Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["node_tcp_connection_states{close_wait}"] = 1,
            ["node_tcp_connection_states{established}"] = 2,
            ["node_tcp_connection_states{listen}"] = 2,
            ["node_tcp_connection_states{time_wait}"] = 1,
            ["node_tcp_connection_states{rx_queued_bytes}"] = 0x20 + 0x100,
            ["node_tcp_connection_states{tx_queued_bytes}"] = 0x10,
        });
    }

    [Fact]
    public async Task Tcpstat_without_the_files_emits_nothing()
    {
        var samples = await CollectAsync(new TcpStatCollector(new HostPaths("/nonexistent/proc", "/nonexistent/sys", "/")));
        samples.Should().BeEmpty();
    }

    /// <summary>"name{label values}" → value: <see cref="Fixtures.CollectAsync"/>, under the name tests of other areas call.</summary>
    internal static Task<Dictionary<string, double>> CollectAsync(ICollector collector) => Fixtures.CollectAsync(collector);
}
