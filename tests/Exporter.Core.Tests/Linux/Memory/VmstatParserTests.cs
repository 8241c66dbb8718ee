using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class VmstatParserTests
{
    [Fact]
    public void Vmstat_gives_every_field_in_order()
    {
        VmstatParser.Parse("nr_free_pages 1001160\npgfault 10568748\noom_kill 0\n")
            .Should().Equal(("nr_free_pages", 1001160d), ("pgfault", 10568748d), ("oom_kill", 0d));
    }

    [Theory]
    [InlineData("pgfault\n")]
    [InlineData("pgfault 12 13\n")]
    [InlineData("pgfault twelve\n")]
    public void Vmstat_rejects_malformed_lines(string text)
    {
        var act = () => VmstatParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("vmstat:*");
    }
}
