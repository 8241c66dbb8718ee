namespace Exporter.Core.Linux;

/// <summary>One CPU's line of /proc/schedstat.</summary>
internal sealed record SchedstatCpu(string Cpu, double RunningNanoseconds, double WaitingNanoseconds, double Timeslices);

/// <summary>
/// Parses /proc/schedstat (Documentation/scheduler/sched-stats.rst): "cpuN" lines carry nine
/// counters, the last three being time spent running and waiting (ns) and timeslices run;
/// "version", "timestamp" and "domainN" lines are skipped.
/// </summary>
internal static class SchedstatParser
{
    public static IReadOnlyList<SchedstatCpu> Parse(string text)
    {
        var cpus = new List<SchedstatCpu>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!fields[0].StartsWith("cpu", StringComparison.Ordinal))
            {
                continue;
            }

            var cpu = fields[0][3..];
            if (cpu.Length == 0 || !cpu.All(char.IsAsciiDigit) || fields.Length < 10)
            {
                throw new FormatException($"schedstat: expected 'cpuN' and 9 counters, got '{line}'");
            }

            cpus.Add(new SchedstatCpu(
                cpu,
                ProcValue.ParseUInt64("schedstat", fields[7]),
                ProcValue.ParseUInt64("schedstat", fields[8]),
                ProcValue.ParseUInt64("schedstat", fields[9])));
        }

        return cpus;
    }
}
