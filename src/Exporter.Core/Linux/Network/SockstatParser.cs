namespace Exporter.Core.Linux;

/// <summary>One line of /proc/net/sockstat: "TCP: inuse 3 orphan 0 tw 5 alloc 5 mem 278".</summary>
internal sealed record SockstatLine(string Protocol, IReadOnlyList<(string Key, double Value)> Values);

/// <summary>
/// Parses /proc/net/sockstat and /proc/net/sockstat6 (net/ipv4/proc.c sockstat_seq_show,
/// net/ipv6/proc.c sockstat6_seq_show): "PROTO: key value key value ...". "sockets: used N" comes
/// back as protocol "sockets". TCP and UDP "mem" are in pages, FRAG "memory" in bytes.
/// </summary>
internal static class SockstatParser
{
    public static IReadOnlyList<SockstatLine> Parse(string text)
    {
        var lines = new List<SockstatLine>();
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            if (fields.Length < 3 || fields.Length % 2 == 0 || !fields[0].EndsWith(':'))
            {
                throw new FormatException($"sockstat: malformed line '{line.Trim()}'");
            }

            var protocol = fields[0][..^1];
            var values = new List<(string, double)>();
            for (var i = 1; i < fields.Length; i += 2)
            {
                values.Add((fields[i], ProcValue.ParseDouble("sockstat", fields[i + 1], $"{protocol} {fields[i]}")));
            }

            lines.Add(new SockstatLine(protocol, values));
        }

        return lines;
    }
}
