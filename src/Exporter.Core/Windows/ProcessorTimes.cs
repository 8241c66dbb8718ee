namespace Exporter.Core.Windows;

/// <summary>
/// One processor's times from SystemProcessorPerformanceInformation in Linux's node_cpu_seconds_total
/// modes, so that the modes, as on Linux, do not overlap and add up to the time elapsed:
/// <list type="bullet">
/// <item>user: UserTime;</item>
/// <item>idle: IdleTime (the idle thread's time);</item>
/// <item>irq: InterruptTime, time in interrupt service routines;</item>
/// <item>softirq: DpcTime, time in deferred procedure calls, the work an interrupt handler leaves
/// for later at a lower priority: the counterpart of Linux's softirqs;</item>
/// <item>system: KernelTime less the three above. KernelTime counts every clock tick taken in kernel
/// mode, the idle thread's, interrupts' and DPCs' included (KeUpdateRunTime adds to the processor's
/// KernelTime in all three cases), which is why psutil and gopsutil subtract idle from it.</item>
/// </list>
/// Windows has no nice, iowait or steal time; those modes are absent.
/// </summary>
internal static class ProcessorTimes
{
    /// <summary>The NT time unit: 100 ns.</summary>
    public const double TicksPerSecond = 10_000_000;

    public static (string Mode, double Seconds)[] Modes(in ProcessorPerformance processor)
    {
        var system = processor.KernelTime - processor.IdleTime - processor.InterruptTime - processor.DpcTime;
        return
        [
            ("user", processor.UserTime / TicksPerSecond),
            ("system", Math.Max(0, system) / TicksPerSecond),
            ("idle", processor.IdleTime / TicksPerSecond),
            ("irq", processor.InterruptTime / TicksPerSecond),
            ("softirq", processor.DpcTime / TicksPerSecond),
        ];
    }
}
