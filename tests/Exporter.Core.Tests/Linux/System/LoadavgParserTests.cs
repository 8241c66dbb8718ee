using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class LoadavgParserTests
{
    [Fact]
    public void Parses_the_three_averages()
    {
        LoadavgParser.Parse("0.21 0.37 0.39 1/719 19737\n").Should().Be((0.21, 0.37, 0.39));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0.21 0.37")]
    [InlineData("0.21 abc 0.39 1/719 1")]
    [InlineData("0,21 0,37 0,39 1/719 1")]
    public void Rejects_malformed_input(string text)
    {
        var act = () => LoadavgParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("loadavg:*");
    }
}
