using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class CpuListParserTests
{
    [Theory]
    [InlineData("\n", new int[0])]
    [InlineData("3\n", new[] { 3 })]
    [InlineData("0-2,5,7-8\n", new[] { 0, 1, 2, 5, 7, 8 })]
    public void Expands_ranges(string text, int[] expected)
    {
        CpuListParser.Parse(text).Should().Equal(expected);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("1-")]
    [InlineData("3-1")]
    [InlineData("-1")]
    public void Rejects_malformed_input(string text)
    {
        var act = () => CpuListParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("cpulist:*");
    }
}
