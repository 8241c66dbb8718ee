using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class PressureParserTests
{
    [Fact]
    public void Pressure_gives_some_and_full_totals_in_microseconds()
    {
        PressureParser.Parse("some avg10=0.01 avg60=0.22 avg300=1.03 total=16398538\nfull avg10=0.00 avg60=0.05 avg300=0.94 total=15877409\n")
            .Should().Be(((double?)16398538, (double?)15877409));
    }

    [Fact]
    public void Pressure_of_an_old_cpu_file_has_no_full_line()
    {
        PressureParser.Parse("some avg10=50.50 avg60=41.01 avg300=14.45 total=54605499\n").Should().Be(((double?)54605499, (double?)null));
    }

    [Theory]
    [InlineData("some avg10=0.00 avg60=0.00 avg300=0.00\n")]
    [InlineData("some avg10=0.00 total=abc\n")]
    [InlineData("partial avg10=0.00 total=1\n")]
    public void Pressure_rejects_malformed_lines(string text)
    {
        var act = () => PressureParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("pressure:*");
    }
}
