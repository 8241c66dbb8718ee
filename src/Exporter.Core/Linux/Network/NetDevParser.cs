namespace Exporter.Core.Linux;

/// <summary>The 16 counters of one /proc/net/dev line, in the file's order (see <see cref="NetDevParser.Fields"/>).</summary>
internal sealed record NetDevStats(string Device, IReadOnlyList<ulong> Values);

/// <summary>
/// Parses /proc/net/dev: two header lines, then "name: 8 receive counters 8 transmit counters"
/// (net/core/net-procfs.c, dev_seq_printf_stats). Counters may run into the colon when they are
/// wide ("eth0:123456789"), so the name ends at the first colon (names cannot contain one).
/// </summary>
internal static class NetDevParser
{
    /// <summary>node_exporter's names for the 16 columns, in order.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "receive_bytes", "receive_packets", "receive_errs", "receive_drop",
        "receive_fifo", "receive_frame", "receive_compressed", "receive_multicast",
        "transmit_bytes", "transmit_packets", "transmit_errs", "transmit_drop",
        "transmit_fifo", "transmit_colls", "transmit_carrier", "transmit_compressed",
    ];

    public static IReadOnlyList<NetDevStats> Parse(string text)
    {
        var devices = new List<NetDevStats>();
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.Contains('|', StringComparison.Ordinal) || line.Trim().Length == 0)
            {
                continue; // the two header lines, or the end
            }

            if (colon <= 0 || line[..colon].Trim().Length == 0)
            {
                throw new FormatException($"net/dev: no device name in '{line.Trim()}'");
            }

            var fields = line[(colon + 1)..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != Fields.Count)
            {
                throw new FormatException($"net/dev: expected {Fields.Count} counters, got {fields.Length}: '{line.Trim()}'");
            }

            var values = new ulong[fields.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                values[i] = ProcValue.ParseUInt64("net/dev", fields[i], line.Trim());
            }

            devices.Add(new NetDevStats(line[..colon].Trim(), values));
        }

        return devices;
    }
}
