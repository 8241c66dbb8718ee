using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class NetstatParserTests
{
    [Fact]
    public void Pairs_header_and_value_lines()
    {
        var fields = NetstatParser.ParsePaired("""
            Tcp: RtoAlgorithm MaxConn CurrEstab
            Tcp: 1 -1 4
            IcmpMsg: InType3
            IcmpMsg: 12

            """);

        fields.Should().Equal(
            new NetstatField("Tcp", "RtoAlgorithm", 1),
            new NetstatField("Tcp", "MaxConn", -1),
            new NetstatField("Tcp", "CurrEstab", 4),
            new NetstatField("IcmpMsg", "InType3", 12));
    }

    [Fact]
    public void Splits_snmp6_names_after_the_first_six()
    {
        var fields = NetstatParser.ParseSnmp6("Ip6InReceives                   \t5\nIcmp6OutMsgs 2\nUdpLite6InErrors 0\n\n");

        fields.Should().Equal(
            new NetstatField("Ip6", "InReceives", 5),
            new NetstatField("Icmp6", "OutMsgs", 2),
            new NetstatField("UdpLite6", "InErrors", 0));
    }

    [Theory]
    [InlineData("Tcp: A B\n")]
    [InlineData("Tcp: A B\nTcp: 1\n")]
    [InlineData("Tcp: A B\nUdp: 1 2\n")]
    [InlineData("Tcp: A B\nTcp: 1 x\n")]
    [InlineData("Tcp A B\nTcp 1 2\n")]
    public void Rejects_malformed_paired_input(string text)
    {
        var act = () => NetstatParser.ParsePaired(text);
        act.Should().Throw<FormatException>().WithMessage("netstat:*");
    }

    [Theory]
    [InlineData("Ip6InReceives\n")]
    [InlineData("Ip6InReceives 1 2\n")]
    public void Rejects_malformed_snmp6_lines(string text)
    {
        var act = () => NetstatParser.ParseSnmp6(text);
        act.Should().Throw<FormatException>().WithMessage("snmp6:*");
    }

    [Fact]
    public void Rejects_a_non_number_in_snmp6()
    {
        var act = () => NetstatParser.ParseSnmp6("Ip6InReceives many\n");
        act.Should().Throw<FormatException>().WithMessage("netstat:*");
    }
}
