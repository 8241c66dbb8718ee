using System.Globalization;

namespace Exporter.Core.Linux;

/// <summary>
/// Parses /proc/[pid]/limits (a table: "Max open files   1024   4096   files"; proc(5)) for the
/// soft limits the Prometheus client reports. "unlimited" is 2^64-1, as the Go client prints it.
/// </summary>
internal static class ProcLimitsParser
{
    public static (double MaxOpenFiles, double MaxAddressSpace) Parse(string text) =>
        (SoftLimit(text, "Max open files"), SoftLimit(text, "Max address space"));

    private static double SoftLimit(string text, string name)
    {
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(name, StringComparison.Ordinal))
            {
                continue;
            }

            var soft = line[name.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (soft == "unlimited")
            {
                return ulong.MaxValue;
            }

            return ulong.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException($"limits: '{line.Trim()}' has no soft limit");
        }

        throw new FormatException($"limits: no '{name}' line");
    }
}
