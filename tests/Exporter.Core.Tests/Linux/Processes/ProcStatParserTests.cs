using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class ProcStatParserTests
{
    [Fact]
    public void Parses_the_fields_after_the_command_name()
    {
        var stat = ProcStatParser.Parse(
            "11362 (cat) R 11360 11360 4993 0 -1 4194304 101 0 0 0 7 3 0 0 20 0 1 0 55956 3133440 417 18446744073709551615 94547535335424 0\n");

        stat.Should().Be(new ProcStat("cat", "R", 7, 3, 1, 55956, 3133440, 417));
    }

    [Fact]
    public void A_command_name_with_spaces_and_parentheses_runs_to_the_last_parenthesis()
    {
        var stat = ProcStatParser.Parse("100 (my (odd) app) S 1 100 100 0 -1 0 0 0 0 0 250 150 0 0 20 0 2 0 9000 232701952 10240 0");

        stat.Comm.Should().Be("my (odd) app");
        stat.State.Should().Be("S");
        stat.NumThreads.Should().Be(2);
        stat.UserTicks.Should().Be(250);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1 cat R 1 1 1 0 -1 0 0 0 0 0 7 3 0 0 20 0 1 0 5 3 4")]
    [InlineData("1 (cat) R 1 1 1 0 -1 0 0 0 0 0 7 3")]
    [InlineData("1 (cat) R 1 1 1 0 -1 0 0 0 0 0 x 3 0 0 20 0 1 0 5 3 4 0")]
    public void Rejects_malformed_input(string text)
    {
        var act = () => ProcStatParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("stat:*");
    }
}
