using System.Globalization;

namespace Exporter.Core.Linux;

/// <summary>One CPU's line of /proc/stat, in seconds (the file counts USER_HZ ticks).</summary>
internal readonly record struct CpuTimes(
    double User, double Nice, double System, double Idle, double Iowait, double Irq, double SoftIrq, double Steal, double Guest, double GuestNice);

/// <summary>
/// What /proc/stat says; a value the kernel does not print is null. SoftIrqs are the per-vector
/// counts after the total on the "softirq" line, in the kernel's order (hi timer net_tx net_rx
/// block irq_poll tasklet sched hrtimer rcu).
/// </summary>
internal sealed record KernelStat(
    IReadOnlyList<(int Cpu, CpuTimes Times)> Cpus,
    double? Interrupts,
    double? ContextSwitches,
    double? BootTime,
    double? Forks,
    double? ProcsRunning,
    double? ProcsBlocked,
    IReadOnlyList<double>? SoftIrqs);

/// <summary>
/// Parses /proc/stat (proc(5), Documentation/filesystems/proc.rst "1.7 Miscellaneous kernel
/// statistics in /proc/stat"). Lines it does not know are skipped, so newer kernels still parse.
/// </summary>
internal static class StatParser
{
    /// <summary>
    /// USER_HZ: /proc/stat counts in 1/100 s on every architecture Linux exports to user space
    /// (sysconf(_SC_CLK_TCK) is fixed at 100; node_exporter's procfs assumes the same).
    /// </summary>
    public const double UserHz = 100;

    public static KernelStat Parse(string text)
    {
        var cpus = new List<(int, CpuTimes)>();
        double? intr = null, ctxt = null, btime = null, forks = null, running = null, blocked = null;
        List<double>? softirqs = null;

        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            var key = fields[0];
            if (key.StartsWith("cpu", StringComparison.Ordinal))
            {
                // "cpu" is the sum over all CPUs; node_exporter exports only "cpuN" (sum with PromQL).
                if (key.Length > 3)
                {
                    cpus.Add(ParseCpu(key, fields));
                }

                continue;
            }

            switch (key)
            {
                case "intr": intr = First(key, fields); break;
                case "ctxt": ctxt = First(key, fields); break;
                case "btime": btime = First(key, fields); break;
                case "processes": forks = First(key, fields); break;
                case "procs_running": running = First(key, fields); break;
                case "procs_blocked": blocked = First(key, fields); break;
                case "softirq": softirqs = [.. fields.Skip(2).Select(f => Number(key, f))]; break;
                default: break;
            }
        }

        return new KernelStat(cpus, intr, ctxt, btime, forks, running, blocked, softirqs);
    }

    // "cpu0 user nice system idle iowait irq softirq steal guest guest_nice". Older kernels print
    // fewer columns (steal since 2.6.11, guest since 2.6.24, guest_nice since 2.6.33): missing ones are 0.
    private static (int, CpuTimes) ParseCpu(string key, string[] fields)
    {
        if (!int.TryParse(key.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var cpu))
        {
            throw new FormatException($"stat: '{key}' is not a CPU line");
        }

        if (fields.Length < 5)
        {
            throw new FormatException($"stat: {key} has {fields.Length - 1} columns, expected at least 4");
        }

        double Column(int i) => i < fields.Length ? Number(key, fields[i]) / UserHz : 0;
        return (cpu, new CpuTimes(
            Column(1), Column(2), Column(3), Column(4), Column(5), Column(6), Column(7), Column(8), Column(9), Column(10)));
    }

    private static double First(string key, string[] fields) =>
        fields.Length >= 2 ? Number(key, fields[1]) : throw new FormatException($"stat: '{key}' has no value");

    private static double Number(string key, string field) => ProcValue.ParseDouble("stat", field, key);
}
