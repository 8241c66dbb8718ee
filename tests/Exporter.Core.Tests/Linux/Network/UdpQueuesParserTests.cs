using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class UdpQueuesParserTests
{
    [Fact]
    public void Udp_sums_the_queues_of_all_sockets()
    {
        var text = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
            + "  123: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 12345 2 0000000000000000 0\n"
            + "  456: 0100007F:0035 00000000:0000 07 00000400:00000a00 00:00000000 00000000   101        0 23456 2 0000000000000000 0\n";
        UdpQueuesParser.Parse(text).Should().Be((1024d, 2560d));
    }

    [Fact]
    public void Udp_without_sockets_is_zero()
    {
        UdpQueuesParser.Parse("  sl  local_address remote_address st tx_queue rx_queue\n").Should().Be((0d, 0d));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  0: 00000000:0044 00000000:0000 07 00000000:00000000\n")]
    [InlineData("  sl header\n  0: 00000000:0044 00000000:0000 07 0000000000000000\n")]
    [InlineData("  sl header\n  0: 00000000:0044\n")]
    [InlineData("  sl header\n  0: 00000000:0044 00000000:0000 07 zz:00000000\n")]
    public void Udp_rejects_malformed_input(string text)
    {
        var act = () => UdpQueuesParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("udp:*");
    }
}
