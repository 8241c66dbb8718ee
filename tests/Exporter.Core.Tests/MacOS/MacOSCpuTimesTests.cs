using System.Runtime.CompilerServices;
using Exporter.Core.MacOS;
using Exporter.Core.Portable;

namespace Exporter.Core.Tests.MacOS;

public sealed class MacOSCpuTimesTests
{
    [Fact]
    public void Ticks_become_seconds_in_the_four_linux_modes_of_the_same_names()
    {
        var modes = MacOSCpuTimes.Modes(new CpuTicks(User: 12_345, System: 678, Idle: 90_000, Nice: 5), ticksPerSecond: 100)
            .ToDictionary(m => m.Mode, m => m.Seconds);

        modes.Should().Equal(new Dictionary<string, double>
        {
            ["user"] = 123.45,
            ["nice"] = 0.05,
            ["system"] = 6.78,
            ["idle"] = 900,
        });
    }

    [Fact]
    public void Tick_counts_widened_past_2_to_the_32_stay_exact()
    {
        var ticks = new WrappingCounter<int>();
        ticks.Widen(0, uint.MaxValue);
        var idle = ticks.Widen(0, 99);

        MacOSCpuTimes.Modes(new CpuTicks(0, 0, idle, 0), 100).Single(m => m.Mode == "idle").Seconds
            .Should().Be((uint.MaxValue + 100.0) / 100);
    }

    [Fact]
    public void The_struct_has_the_size_of_processor_cpu_load_info() =>
        Unsafe.SizeOf<CpuLoadInfo>().Should().Be(16, "cpu_ticks[CPU_STATE_MAX] of natural_t");
}
