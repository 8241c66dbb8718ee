using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class StatParserTests
{
    private const string Sample = """
        cpu  31942 0 3087 101162 1857 0 232 18 412 3
        cpu0 14763 0 1377 52793 72 0 106 9 0 0
        cpu1 17178 5 1709 48369 1784 1 125 8 412 3
        intr 641536 0 0 0 0 0
        ctxt 2602757
        btime 1795304584
        processes 18315
        procs_running 11
        procs_blocked 2
        softirq 1693949 1 34652 9 1454127 48011 0 3 55822 0 101325

        """;

    [Fact]
    public void Parses_per_cpu_times_in_seconds_and_skips_the_total()
    {
        var stat = StatParser.Parse(Sample);

        stat.Cpus.Should().HaveCount(2);
        stat.Cpus[0].Cpu.Should().Be(0);
        stat.Cpus[1].Should().Be((1, new CpuTimes(171.78, 0.05, 17.09, 483.69, 17.84, 0.01, 1.25, 0.08, 4.12, 0.03)));
    }

    [Fact]
    public void Parses_the_system_counters()
    {
        var stat = StatParser.Parse(Sample);

        stat.Interrupts.Should().Be(641536);
        stat.ContextSwitches.Should().Be(2602757);
        stat.BootTime.Should().Be(1795304584);
        stat.Forks.Should().Be(18315);
        stat.ProcsRunning.Should().Be(11);
        stat.ProcsBlocked.Should().Be(2);
        stat.SoftIrqs.Should().Equal(1, 34652, 9, 1454127, 48011, 0, 3, 55822, 0, 101325);
    }

    [Fact]
    public void Old_kernels_without_steal_and_guest_columns_read_as_zero()
    {
        var stat = StatParser.Parse("cpu0 100 200 300 400\n");

        stat.Cpus.Should().ContainSingle().Which.Times.Should().Be(new CpuTimes(1, 2, 3, 4, 0, 0, 0, 0, 0, 0));
        stat.Interrupts.Should().BeNull();
        stat.SoftIrqs.Should().BeNull();
    }

    [Fact]
    public void Unknown_lines_are_skipped()
    {
        StatParser.Parse("page 5741 1808\nswap 1 0\nctxt 7\n").ContextSwitches.Should().Be(7);
    }

    [Theory]
    [InlineData("cpu0 1 2 x 4\n")]
    [InlineData("cpu0 1 2\n")]
    [InlineData("cpux 1 2 3 4\n")]
    [InlineData("ctxt\n")]
    [InlineData("ctxt 1,5\n")]
    [InlineData("btime abc\n")]
    [InlineData("softirq 10 1 2 z\n")]
    public void Rejects_malformed_input(string text)
    {
        var act = () => StatParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("stat:*");
    }
}
