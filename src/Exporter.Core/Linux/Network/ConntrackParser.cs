namespace Exporter.Core.Linux;

/// <summary>The /proc/net/stat/nf_conntrack counters node_exporter 1.5 exports, summed over CPUs.</summary>
internal sealed record ConntrackStats(
    double Found, double Invalid, double Ignore, double Insert, double InsertFailed, double Drop, double EarlyDrop, double SearchRestart);

/// <summary>
/// Parses /proc/net/stat/nf_conntrack: a header naming the columns, then one line of hexadecimal
/// counters per CPU. Columns are looked up by name: the set changed over kernel versions
/// (e.g. "searched" became "clashres" in 5.x) while the names used here stayed.
/// </summary>
internal static class ConntrackParser
{
    public static ConntrackStats ParseStat(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            throw new FormatException("nf_conntrack: empty file");
        }

        var header = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sums = new double[header.Length];
        foreach (var line in lines.Skip(1))
        {
            var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (values.Length != header.Length)
            {
                throw new FormatException($"nf_conntrack: expected {header.Length} columns, got {values.Length}: '{line}'");
            }

            for (var i = 0; i < values.Length; i++)
            {
                sums[i] += ProcValue.ParseHex("nf_conntrack", values[i]);
            }
        }

        return new ConntrackStats(
            Column("found"), Column("invalid"), Column("ignore"), Column("insert"),
            Column("insert_failed"), Column("drop"), Column("early_drop"), Column("search_restart"));

        double Column(string name)
        {
            var index = Array.IndexOf(header, name);
            return index >= 0 ? sums[index] : throw new FormatException($"nf_conntrack: no '{name}' column in the header");
        }
    }
}
