namespace Exporter.Core.Linux;

/// <summary>
/// One line of /proc/diskstats. <see cref="Values"/> holds the statistics after the device name, as
/// many as the kernel gives (11 before 4.18, 15 with discards, 17 with flushes since 5.5), at most 17.
/// </summary>
internal sealed record DiskStats(uint Major, uint Minor, string Device, IReadOnlyList<ulong> Values);

/// <summary>
/// Parses /proc/diskstats (Documentation/admin-guide/iostats.rst): "major minor name" and then the
/// counters. Lines with fewer than 14 fields (the 2.6-era partition format) are skipped, as
/// prometheus/procfs does.
/// </summary>
internal static class DiskstatsParser
{
    private const int MinimumFields = 14;
    private const int MaximumValues = 17;

    public static IReadOnlyList<DiskStats> Parse(string text)
    {
        var disks = new List<DiskStats>();
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            if (fields.Length < MinimumFields)
            {
                if (fields.Length < 3)
                {
                    throw new FormatException($"diskstats: truncated line '{line.Trim()}'");
                }

                continue;
            }

            var values = new ulong[Math.Min(fields.Length - 3, MaximumValues)];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = ParseNumber(fields[i + 3], line);
            }

            disks.Add(new DiskStats((uint)ParseNumber(fields[0], line), (uint)ParseNumber(fields[1], line), fields[2], values));
        }

        return disks;
    }

    private static ulong ParseNumber(string field, string line) => ProcValue.ParseUInt64("diskstats", field, line.Trim());
}
