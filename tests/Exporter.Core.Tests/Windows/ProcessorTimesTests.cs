using System.Runtime.CompilerServices;
using Exporter.Core.Windows;

namespace Exporter.Core.Tests.Windows;

public sealed class ProcessorTimesTests
{
    // 100 ns units: 10,000,000 per second.
    private const long Second = 10_000_000;

    [Fact]
    public void Modes_are_linux_modes_that_do_not_overlap_and_add_up_to_user_plus_kernel_time()
    {
        // KernelTime includes idle (50 s), interrupt (2 s) and DPC (3 s) time: 100 s of kernel time
        // leave 45 s of system time.
        var processor = new ProcessorPerformance
        {
            UserTime = 30 * Second,
            KernelTime = 100 * Second,
            IdleTime = 50 * Second,
            InterruptTime = 2 * Second,
            DpcTime = 3 * Second,
            InterruptCount = 12345,
        };

        var modes = ProcessorTimes.Modes(processor).ToDictionary(m => m.Mode, m => m.Seconds);

        modes.Should().Equal(new Dictionary<string, double>
        {
            ["user"] = 30,
            ["system"] = 45,
            ["idle"] = 50,
            ["irq"] = 2,
            ["softirq"] = 3,
        });
        modes.Values.Sum().Should().Be(130, "the modes split user plus kernel time, as Linux's add up to the time elapsed");
    }

    [Fact]
    public void Sub_second_times_keep_their_precision()
    {
        var modes = ProcessorTimes.Modes(new ProcessorPerformance { UserTime = 12_345_678, KernelTime = 1, IdleTime = 1 })
            .ToDictionary(m => m.Mode, m => m.Seconds);

        modes["user"].Should().Be(1.2345678);
        modes["system"].Should().Be(0);
    }

    [Fact]
    public void System_time_is_never_negative_when_the_parts_outrun_kernel_time()
    {
        // The counters are read one after the other; idle can run a tick ahead of kernel time.
        var modes = ProcessorTimes.Modes(new ProcessorPerformance { KernelTime = 10 * Second, IdleTime = 10 * Second + 1 })
            .ToDictionary(m => m.Mode, m => m.Seconds);

        modes["system"].Should().Be(0);
    }

    [Fact]
    public void The_struct_has_the_size_of_system_processor_performance_information() =>
        Unsafe.SizeOf<ProcessorPerformance>().Should().Be(48, "five LARGE_INTEGERs and a ULONG, padded to 8 bytes, as the array stride is");
}
