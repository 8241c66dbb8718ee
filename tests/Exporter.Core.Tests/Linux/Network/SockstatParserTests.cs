using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class SockstatParserTests
{
    [Fact]
    public void Parses_key_value_pairs_per_protocol()
    {
        var lines = SockstatParser.Parse("sockets: used 67\nTCP: inuse 3 orphan 0 tw 2 alloc 5 mem 278\nFRAG6: inuse 0 memory 0\n");

        lines.Should().HaveCount(3);
        lines[0].Protocol.Should().Be("sockets");
        lines[0].Values.Should().Equal(("used", 67.0));
        lines[1].Protocol.Should().Be("TCP");
        lines[1].Values.Should().Equal(("inuse", 3.0), ("orphan", 0.0), ("tw", 2.0), ("alloc", 5.0), ("mem", 278.0));
        lines[2].Values.Should().Equal(("inuse", 0.0), ("memory", 0.0));
    }

    [Theory]
    [InlineData("TCP: inuse\n")]
    [InlineData("TCP:\n")]
    [InlineData("TCP: inuse 3 orphan\n")]
    [InlineData("TCP inuse 3\n")]
    [InlineData("TCP: inuse x\n")]
    public void Rejects_malformed_input(string text)
    {
        var act = () => SockstatParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("sockstat:*");
    }
}
