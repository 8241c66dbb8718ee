using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class CpuCollectorTests
{
    private static readonly CpuTimes Before = new(100, 1, 50, 1000, 5, 0, 2, 1, 0, 0);

    [Fact]
    public void A_counter_that_dips_keeps_its_previous_value()
    {
        var dipped = Before with { User = 99.9, Idle = 999, System = 51 };

        var kept = CpuCollector.Monotonic(Before, dipped);

        kept.Should().Be(Before with { System = 51 });
    }

    [Fact]
    public void An_idle_jump_back_of_three_seconds_or_more_restarts_the_cpu()
    {
        var replugged = new CpuTimes(1, 0, 1, 996, 0, 0, 0, 0, 0, 0);

        CpuCollector.Monotonic(Before, replugged).Should().Be(replugged);
    }

    [Fact]
    public async Task Collects_seconds_guest_isolated_and_throttles_from_the_fixtures()
    {
        var collector = new CpuCollector(Fixtures.Paths, new CpuOptions());

        var samples = await Fixtures.CollectAsync(collector);

        samples.Should().Contain("node_cpu_seconds_total{1,iowait}", 17.84);
        samples.Should().Contain("node_cpu_guest_seconds_total{1,user}", 4.12);
        samples.Should().Contain("node_cpu_isolated{1}", 1);
        samples.Should().Contain("node_cpu_core_throttles_total{1,0}", 5);
        samples.Should().Contain("node_cpu_package_throttles_total{0}", 7);
        samples.Keys.Where(k => k.StartsWith("node_cpu_seconds_total", StringComparison.Ordinal)).Should().HaveCount(16);
    }

    [Fact]
    public async Task Guest_seconds_can_be_turned_off()
    {
        var collector = new CpuCollector(Fixtures.Paths, new CpuOptions { Guest = false });

        var samples = await Fixtures.CollectAsync(collector);

        samples.Keys.Should().NotContain(k => k.StartsWith("node_cpu_guest", StringComparison.Ordinal));
        samples.Keys.Should().Contain(k => k.StartsWith("node_cpu_seconds_total", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cpu_info_with_flag_and_bug_filters()
    {
        var options = new CpuOptions { InfoFlagsInclude = "^(sse2|avx2)$", InfoBugsInclude = "spectre" };

        var samples = await Fixtures.CollectAsync(new CpuCollector(Fixtures.Paths, options));

        samples.Keys.Where(k => k.StartsWith("node_cpu_info{", StringComparison.Ordinal)).Should().HaveCount(2);
        samples.Should().ContainKey(
            "node_cpu_info{1024 KB,1,1,26,0x1000065,2,AMD EPYC,0,1,AuthenticAMD}");
        samples.Keys.Where(k => k.StartsWith("node_cpu_flag_info", StringComparison.Ordinal))
            .Should().BeEquivalentTo("node_cpu_flag_info{sse2}", "node_cpu_flag_info{avx2}");
        samples.Keys.Where(k => k.StartsWith("node_cpu_bug_info", StringComparison.Ordinal))
            .Should().BeEquivalentTo("node_cpu_bug_info{spectre_v1}", "node_cpu_bug_info{spectre_v2}", "node_cpu_bug_info{spectre_v2_user}");
    }

    [Fact]
    public async Task Cpu_info_is_off_by_default()
    {
        var samples = await Fixtures.CollectAsync(new CpuCollector(Fixtures.Paths, new CpuOptions()));

        samples.Keys.Should().NotContain(k => k.StartsWith("node_cpu_info", StringComparison.Ordinal) || k.StartsWith("node_cpu_flag", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("(", null, false)]
    [InlineData(null, "[", false)]
    [InlineData("^sse", "spectre", true)]
    [InlineData(null, null, true)]
    public void Invalid_include_expressions_are_caught_at_start_up(string? flags, string? bugs, bool valid)
    {
        new CpuOptions { InfoFlagsInclude = flags, InfoBugsInclude = bugs }.Errors().Any().Should().Be(!valid);
    }
}
