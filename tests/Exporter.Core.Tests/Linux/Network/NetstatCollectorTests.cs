using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class NetstatCollectorTests
{
    [Fact]
    public async Task The_default_filter_keeps_node_exporters_fields_from_all_three_files()
    {
        var samples = await Fixtures.CollectAsync(new NetstatCollector(Fixtures.Paths, new NetstatOptions()));

        samples.Keys.Should().Contain([
            "node_netstat_Tcp_CurrEstab", "node_netstat_TcpExt_ListenDrops", "node_netstat_TcpExt_TCPTimeouts",
            "node_netstat_IpExt_InOctets", "node_netstat_Ip_Forwarding", "node_netstat_Udp6_InDatagrams",
            "node_netstat_Icmp6_InMsgs", "node_netstat_UdpLite_InErrors",
        ]);
        samples.Keys.Should().NotContain(["node_netstat_Tcp_MaxConn", "node_netstat_Ip6_InReceives", "node_netstat_TcpExt_DelayedACKs"]);
        samples["node_netstat_Tcp_CurrEstab"].Should().Be(4);
        samples.Should().HaveCount(40);
    }

    [Fact]
    public async Task The_fields_option_overrides_the_filter()
    {
        var options = new NetstatOptions { Fields = "^Tcp_(MaxConn|CurrEstab)$" };

        var samples = await Fixtures.CollectAsync(new NetstatCollector(Fixtures.Paths, options));

        samples.Keys.Should().BeEquivalentTo("node_netstat_Tcp_MaxConn", "node_netstat_Tcp_CurrEstab");
        samples["node_netstat_Tcp_MaxConn"].Should().Be(-1);
    }

    [Theory]
    [InlineData("^(Tcp_.*$", false)]
    [InlineData("^Tcp_.*$", true)]
    public void An_invalid_filter_is_caught_at_start_up(string fields, bool valid)
    {
        new NetstatOptions { Fields = fields }.Errors().Any().Should().Be(!valid);
    }
}
