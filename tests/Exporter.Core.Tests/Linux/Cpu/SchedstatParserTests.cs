using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class SchedstatParserTests
{
    [Fact]
    public void Schedstat_reads_cpu_lines_and_skips_the_others()
    {
        var text = "version 15\ntimestamp 4297299139\ncpu0 0 0 0 0 0 0 2045936778163039 343796328169361 4767485306\n"
            + "domain0 00000000,00000003 212499247 210112015\ncpu1 0 0 0 0 0 0 20 30 40\n";
        SchedstatParser.Parse(text).Should().Equal(
            new SchedstatCpu("0", 2045936778163039, 343796328169361, 4767485306),
            new SchedstatCpu("1", 20, 30, 40));
    }

    [Theory]
    [InlineData("cpu0 0 0 0 0 0 0 1 2\n")]
    [InlineData("cpuX 0 0 0 0 0 0 1 2 3\n")]
    [InlineData("cpu0 0 0 0 0 0 0 1 2 -3\n")]
    public void Schedstat_rejects_malformed_cpu_lines(string text)
    {
        var act = () => SchedstatParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("schedstat:*");
    }
}
