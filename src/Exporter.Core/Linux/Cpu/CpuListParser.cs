using System.Globalization;

namespace Exporter.Core.Linux;

/// <summary>
/// Parses a sysfs CPU list such as /sys/devices/system/cpu/isolated: "0-3,8,10-11", or an empty
/// line for none (Documentation/ABI/testing/sysfs-devices-system-cpu, "cpulist" format).
/// </summary>
internal static class CpuListParser
{
    public static IReadOnlyList<int> Parse(string text)
    {
        var cpus = new List<int>();
        foreach (var part in text.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                cpus.Add(Cpu(part));
                continue;
            }

            var (first, last) = (Cpu(part[..dash]), Cpu(part[(dash + 1)..]));
            if (last < first)
            {
                throw new FormatException($"cpulist: range '{part}' runs backwards");
            }

            for (var cpu = first; cpu <= last; cpu++)
            {
                cpus.Add(cpu);
            }
        }

        return cpus;
    }

    private static int Cpu(string field) =>
        int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var cpu)
            ? cpu
            : throw new FormatException($"cpulist: '{field}' is not a CPU number");
}
