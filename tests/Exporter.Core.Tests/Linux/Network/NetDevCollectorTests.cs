using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class NetDevCollectorTests
{
    [Fact]
    public async Task Reports_every_device_by_default_with_node_exporter_names()
    {
        var series = await CollectAsync(new NetDevOptions());

        series.Keys.Where(k => k.StartsWith("node_network_receive_bytes_total", StringComparison.Ordinal)).Should().Equal(
            "node_network_receive_bytes_total{br-a40f77cf1dc8}", "node_network_receive_bytes_total{eth0}",
            "node_network_receive_bytes_total{ifb0}", "node_network_receive_bytes_total{lo}");
        series["node_network_receive_bytes_total{eth0}"].Should().Be(226252008);
        series["node_network_receive_errs_total{eth0}"].Should().Be(3);
        series["node_network_receive_drop_total{eth0}"].Should().Be(7);
        series["node_network_receive_frame_total{eth0}"].Should().Be(1);
        series["node_network_receive_multicast_total{eth0}"].Should().Be(12);
        series["node_network_transmit_drop_total{br-a40f77cf1dc8}"].Should().Be(2);
        series.Keys.Count(k => k.EndsWith("{eth0}", StringComparison.Ordinal)).Should().Be(17);
    }

    [Fact]
    public async Task Receive_nohandler_comes_from_sysfs_where_the_device_is_there()
    {
        var series = await CollectAsync(new NetDevOptions());

        series["node_network_receive_nohandler_total{eth0}"].Should().Be(4);
        series["node_network_receive_nohandler_total{lo}"].Should().Be(0);
        series.Should().NotContainKey("node_network_receive_nohandler_total{ifb0}");
    }

    [Fact]
    public async Task Include_and_exclude_patterns_filter_devices()
    {
        (await CollectAsync(new NetDevOptions { DeviceExclude = "^(lo|br-.*)$" })).Keys
            .Where(k => k.StartsWith("node_network_transmit_packets_total", StringComparison.Ordinal))
            .Should().Equal("node_network_transmit_packets_total{eth0}", "node_network_transmit_packets_total{ifb0}");

        (await CollectAsync(new NetDevOptions { DeviceInclude = "^eth" })).Keys
            .Should().OnlyContain(k => k.EndsWith("{eth0}", StringComparison.Ordinal));
    }

    private static Task<Dictionary<string, double>> CollectAsync(NetDevOptions options)
    {
        return Fixtures.CollectAsync(new NetDevCollector(Fixtures.Paths, options));
    }
}
