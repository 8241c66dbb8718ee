namespace Exporter.Core.Linux;

/// <summary>One counter of /proc/net/{netstat,snmp,snmp6}: "Tcp", "CurrEstab", 3.</summary>
internal readonly record struct NetstatField(string Protocol, string Name, double Value);

/// <summary>
/// Parses the kernel's SNMP MIB counter files (net/ipv4/proc.c, net/ipv6/proc.c; the counters are
/// named in RFC 4293 and RFC 4022). Values are parsed as numbers: some are negative, such as
/// Tcp MaxConn -1 ("no limit").
/// </summary>
internal static class NetstatParser
{
    /// <summary>
    /// /proc/net/netstat and /proc/net/snmp: pairs of lines, a header "Tcp: RtoAlgorithm RtoMin ..."
    /// followed by its values "Tcp: 1 200 ...".
    /// </summary>
    public static IReadOnlyList<NetstatField> ParsePaired(string text)
    {
        var fields = new List<NetstatField>();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i += 2)
        {
            var names = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (i + 1 >= lines.Length)
            {
                throw new FormatException($"netstat: header '{names[0]}' has no line of values");
            }

            var values = lines[i + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!names[0].EndsWith(':') || names[0] != values[0])
            {
                throw new FormatException($"netstat: header '{names[0]}' is followed by values for '{values[0]}'");
            }

            if (names.Length != values.Length)
            {
                throw new FormatException($"netstat: {names[0]} has {names.Length - 1} names but {values.Length - 1} values");
            }

            var protocol = names[0][..^1];
            for (var j = 1; j < names.Length; j++)
            {
                fields.Add(new NetstatField(protocol, names[j], ProcValue.ParseDouble("netstat", values[j], protocol)));
            }
        }

        return fields;
    }

    /// <summary>
    /// /proc/net/snmp6: one counter per line, "Ip6InReceives 1" or "Icmp6InMsgs 0"; the protocol is
    /// the name up to and including its first "6". Lines without a "6" (none today) are skipped, as
    /// node_exporter does.
    /// </summary>
    public static IReadOnlyList<NetstatField> ParseSnmp6(string text)
    {
        var fields = new List<NetstatField>();
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            if (parts.Length != 2)
            {
                throw new FormatException($"snmp6: malformed line '{line.Trim()}'");
            }

            var six = parts[0].IndexOf('6', StringComparison.Ordinal);
            if (six < 0)
            {
                continue;
            }

            var protocol = parts[0][..(six + 1)];
            fields.Add(new NetstatField(protocol, parts[0][(six + 1)..], ProcValue.ParseDouble("netstat", parts[1], protocol)));
        }

        return fields;
    }

}
