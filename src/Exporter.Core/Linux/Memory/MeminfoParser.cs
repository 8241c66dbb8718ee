namespace Exporter.Core.Linux;

/// <summary>
/// Parses /proc/meminfo (proc(5), Documentation/filesystems/proc.rst "meminfo") into node_exporter's
/// metric suffixes: "Active(anon):  1234 kB" → ("Active_anon_bytes", 1263616); a field printed
/// without a unit, such as "HugePages_Total:  0", is a count and keeps its name.
/// </summary>
internal static class MeminfoParser
{
    public static IReadOnlyList<(string Name, double Value)> Parse(string text)
    {
        var fields = new List<(string, double)>();
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                // Some kernels (CentOS 6, 3.10.90) print an empty line.
                continue;
            }

            if (parts.Length is < 2 or > 3 || !parts[0].EndsWith(':'))
            {
                throw new FormatException($"meminfo: malformed line '{line.Trim()}'");
            }

            var value = ProcValue.ParseDouble("meminfo", parts[1], parts[0]);

            var name = parts[0][..^1].Replace('(', '_').Replace(")", string.Empty, StringComparison.Ordinal);
            if (parts.Length == 3)
            {
                // The only unit the kernel prints is "kB", meaning KiB (show_val_kb() shifts by 10).
                if (parts[2] != "kB")
                {
                    throw new FormatException($"meminfo: unknown unit '{parts[2]}' in '{parts[0]}'");
                }

                value *= 1024;
                name += "_bytes";
            }

            fields.Add((name, value));
        }

        return fields;
    }
}
