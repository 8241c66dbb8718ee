using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class TcpStatParserTests
{
    private const string Header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    [Fact]
    public void Counts_sockets_per_state_and_sums_the_queues()
    {
        var counts = new Dictionary<string, double>();
        TcpStatParser.Parse(
            Header +
            "   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1598 1 0 100 0 0 10 0\n" +
            "   1: 0100007F:1F90 0100007F:C350 01 00000010:00000020 00:00000000 00000000  1000        0 21025 1 0 20 4 30 10 -1\n" +
            "   2: 0100007F:C354 0100007F:1F90 06 00000000:00000000 03:00000D8D 00000000     0        0 0 3 0\n" +
            "   3: 0100007F:C356 0100007F:1F90 06 00000000:00000000 03:00000D8D 00000000     0        0 0 3 0\n",
            counts);

        counts.Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["listen"] = 1, ["established"] = 1, ["time_wait"] = 2, ["tx_queued_bytes"] = 16, ["rx_queued_bytes"] = 32,
        });
    }

    [Fact]
    public void Adds_to_what_an_earlier_file_counted()
    {
        var counts = new Dictionary<string, double> { ["established"] = 2, ["rx_queued_bytes"] = 1, ["tx_queued_bytes"] = 0 };
        TcpStatParser.Parse(Header + "   0: 0:0016 0:0000 01 00000000:00000001 00:00000000 00000000 0 0 1 1\n", counts);

        counts["established"].Should().Be(3);
        counts["rx_queued_bytes"].Should().Be(2);
    }

    [Fact]
    public void A_file_with_only_the_header_adds_nothing()
    {
        var counts = new Dictionary<string, double>();
        TcpStatParser.Parse(Header, counts);
        counts.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   0: 0:0016 0:0000 01 00000000:00000000\n")]
    [InlineData(Header + "   0: 0:0016 0:0000 0Z 00000000:00000000 00:0 0\n")]
    [InlineData(Header + "   0: 0:0016 0:0000 0F 00000000:00000000 00:0 0\n")]
    [InlineData(Header + "   0: 0:0016 0:0000 01 0000000000000000 00:0 0\n")]
    [InlineData(Header + "   0: 0:0016 0:0000\n")]
    public void Rejects_malformed_input(string text)
    {
        var act = () => TcpStatParser.Parse(text, new Dictionary<string, double>());
        act.Should().Throw<FormatException>().WithMessage("tcpstat:*");
    }
}
