namespace Exporter.Core.MacOS;

/// <summary>One processor's tick counts (PROCESSOR_CPU_LOAD_INFO), widened to 64 bits.</summary>
internal readonly record struct CpuTicks(ulong User, ulong System, ulong Idle, ulong Nice);

/// <summary>
/// macOS' four CPU states are four of Linux's node_cpu_seconds_total modes with the same meanings
/// (user, system, idle, nice); ticks become seconds at the clock tick rate (sysconf(_SC_CLK_TCK),
/// 100 on macOS), as node_exporter's darwin collector converts them.
/// </summary>
internal static class MacOSCpuTimes
{
    public static (string Mode, double Seconds)[] Modes(CpuTicks ticks, double ticksPerSecond) =>
    [
        ("user", ticks.User / ticksPerSecond),
        ("nice", ticks.Nice / ticksPerSecond),
        ("system", ticks.System / ticksPerSecond),
        ("idle", ticks.Idle / ticksPerSecond),
    ];
}
