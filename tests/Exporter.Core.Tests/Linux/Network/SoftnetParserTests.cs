using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class SoftnetParserTests
{
    [Fact]
    public void Softnet_reads_the_first_three_hex_columns_per_cpu()
    {
        SoftnetParser.Parse("000000b3 00000000 00000001 00000000\n0000162c 00000002 00000000 00000000\n")
            .Should().Equal((179d, 0d, 1d), (5676d, 2d, 0d));
    }

    [Theory]
    [InlineData("000000b3 00000000\n")]
    [InlineData("000000b3 0000000g 00000000\n")]
    public void Softnet_rejects_malformed_lines(string text)
    {
        var act = () => SoftnetParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("softnet_stat:*");
    }
}
