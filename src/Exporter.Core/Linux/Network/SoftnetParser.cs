namespace Exporter.Core.Linux;

/// <summary>
/// Parses /proc/net/softnet_stat: one line per online CPU of hexadecimal counters; the first
/// three are packets processed, dropped (backlog full) and time_squeeze (net_rx_action ran out of
/// budget) — see net/core/net-procfs.c.
/// </summary>
internal static class SoftnetParser
{
    public static IReadOnlyList<(double Processed, double Dropped, double TimesSqueezed)> Parse(string text)
    {
        var cpus = new List<(double, double, double)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3)
            {
                throw new FormatException($"softnet_stat: expected at least 3 columns, got {fields.Length}: '{line}'");
            }

            cpus.Add((ProcValue.ParseHex("softnet_stat", fields[0]), ProcValue.ParseHex("softnet_stat", fields[1]), ProcValue.ParseHex("softnet_stat", fields[2])));
        }

        return cpus;
    }
}
