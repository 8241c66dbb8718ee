using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class NetDevParserTests
{
    private const string Header =
        "Inter-|   Receive                                                |  Transmit\n" +
        " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n";

    [Fact]
    public void Parses_each_device_with_its_sixteen_counters()
    {
        var devices = NetDevParser.Parse(Header +
            "    lo:  442662     330    0    0    0     0          0         0   442662     330    0    0    0     0       0          0\n" +
            "  eth0: 226252008    5493    1    2    3     4          5         6   252772    2952    7    8    9    10      11         12\n");

        devices.Select(d => d.Device).Should().Equal("lo", "eth0");
        devices[1].Values.Should().Equal(226252008UL, 5493UL, 1UL, 2UL, 3UL, 4UL, 5UL, 6UL, 252772UL, 2952UL, 7UL, 8UL, 9UL, 10UL, 11UL, 12UL);
        NetDevParser.Fields[2].Should().Be("receive_errs");
        NetDevParser.Fields[13].Should().Be("transmit_colls");
    }

    [Fact]
    public void Reads_a_counter_that_runs_into_the_colon()
    {
        var devices = NetDevParser.Parse(Header + "eth0:226252008 5493 0 0 0 0 0 0 252772 2952 0 0 0 0 0 0\n");
        devices[0].Device.Should().Be("eth0");
        devices[0].Values[0].Should().Be(226252008UL);
    }

    [Fact]
    public void Header_only_means_no_devices()
    {
        NetDevParser.Parse(Header).Should().BeEmpty();
    }

    [Theory]
    [InlineData("  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\n")]
    [InlineData("  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n")]
    [InlineData("  eth0: 1 2 3 4 5 6 7 x 9 10 11 12 13 14 15 16\n")]
    [InlineData("  eth0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n")]
    [InlineData("  : 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n")]
    [InlineData("  eth0: 1 2 3")]
    public void Rejects_malformed_lines(string line)
    {
        var act = () => NetDevParser.Parse(Header + line);
        act.Should().Throw<FormatException>().WithMessage("net/dev:*");
    }
}
