using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class NetClassParserTests
{
    [Fact]
    public void Parses_decimal_and_hex_attributes_and_trims_text()
    {
        var device = NetClassParser.Parse("eth0", new Dictionary<string, string>
        {
            ["address"] = "52:54:00:12:34:56\n",
            ["operstate"] = "up\n",
            ["flags"] = "0x1003\n",
            ["dev_id"] = "0x0\n",
            ["mtu"] = "1500\n",
            ["speed"] = "-1\n",
        });

        device.Address.Should().Be("52:54:00:12:34:56");
        device.OperState.Should().Be("up");
        device.Flags.Should().Be(4099);
        device.DevId.Should().Be(0);
        device.Mtu.Should().Be(1500);
        device.Speed.Should().Be(-1);
    }

    [Fact]
    public void Missing_attributes_are_null_or_empty()
    {
        var device = NetClassParser.Parse("lo", new Dictionary<string, string> { ["mtu"] = "65536" });

        device.Carrier.Should().BeNull();
        device.Speed.Should().BeNull();
        device.Duplex.Should().BeEmpty();
        device.Mtu.Should().Be(65536);
    }

    [Theory]
    [InlineData("mtu", "15OO")]
    [InlineData("flags", "0x")]
    [InlineData("flags", "0xZZ")]
    [InlineData("carrier", "")]
    public void Rejects_malformed_numbers(string file, string value)
    {
        var act = () => NetClassParser.Parse("eth0", new Dictionary<string, string> { [file] = value });
        act.Should().Throw<FormatException>().WithMessage($"netclass eth0/{file}:*");
    }
}
