using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class ArpParserTests
{
    private const string Header = "IP address       HW type     Flags       HW address            Mask     Device\n";

    [Fact]
    public void Counts_entries_per_device_incomplete_ones_included()
    {
        ArpParser.Parse(
            Header +
            "10.0.0.1         0x1         0x2         52:54:00:12:34:56     *        eth0\n" +
            "10.0.0.7         0x1         0x0         00:00:00:00:00:00     *        eth0\n" +
            "172.17.0.2       0x1         0x2         02:42:ac:11:00:02     *        docker0\n")
            .Should().Equal(new SortedDictionary<string, int>(StringComparer.Ordinal) { ["docker0"] = 1, ["eth0"] = 2 });
    }

    [Fact]
    public void An_empty_table_has_no_devices() => ArpParser.Parse(Header).Should().BeEmpty();

    [Theory]
    [InlineData("")]
    [InlineData("10.0.0.1 0x1 0x2 52:54:00:12:34:56 * eth0\n")]
    [InlineData(Header + "10.0.0.1 0x1 0x2 52:54:00:12:34:56 *\n")]
    public void Rejects_malformed_input(string text)
    {
        var act = () => ArpParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("arp:*");
    }
}
