namespace Exporter.Core.Linux;

/// <summary>
/// Parses /proc/net/tcp and /proc/net/tcp6 (one socket per line after a header; "st" is the state
/// in hex, "tx_queue:rx_queue" the queued bytes in hex) into counts per state, named as
/// node_exporter names them (include/net/tcp_states.h: 1 = ESTABLISHED ... 11 = CLOSING).
/// </summary>
internal static class TcpStatParser
{
    private static readonly string[] StateNames =
    [
        "unknown", "established", "syn_sent", "syn_recv", "fin_wait1", "fin_wait2", "time_wait",
        "close", "close_wait", "last_ack", "listen", "closing",
    ];

    /// <summary>
    /// Adds the sockets of one file to <paramref name="counts"/> (state name → sockets), and their
    /// queued bytes to "rx_queued_bytes" / "tx_queued_bytes", as node_exporter's netlink query does.
    /// </summary>
    public static void Parse(string text, IDictionary<string, double> counts)
    {
        var lines = text.Split('\n');
        if (lines.Length == 0 || !lines[0].TrimStart().StartsWith("sl", StringComparison.Ordinal))
        {
            throw new FormatException("tcpstat: missing the 'sl local_address ...' header");
        }

        double rx = 0, tx = 0;
        var sockets = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            // sl local_address rem_address st tx_queue:rx_queue ...
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5)
            {
                throw new FormatException($"tcpstat: expected at least 5 fields in '{line.Trim()}'");
            }

            var state = ProcValue.ParseHex("tcpstat", fields[3]);
            if (state == 0 || state >= (ulong)StateNames.Length)
            {
                throw new FormatException($"tcpstat: unknown state '{fields[3]}'");
            }

            var queues = fields[4].Split(':');
            if (queues.Length != 2)
            {
                throw new FormatException($"tcpstat: '{fields[4]}' is not tx_queue:rx_queue");
            }

            var name = StateNames[state];
            counts[name] = counts.TryGetValue(name, out var n) ? n + 1 : 1;
            tx += ProcValue.ParseHex("tcpstat", queues[0]);
            rx += ProcValue.ParseHex("tcpstat", queues[1]);
            sockets++;
        }

        // node_exporter adds the queue totals whenever it saw a socket at all.
        if (sockets > 0)
        {
            counts["rx_queued_bytes"] = (counts.TryGetValue("rx_queued_bytes", out var r) ? r : 0) + rx;
            counts["tx_queued_bytes"] = (counts.TryGetValue("tx_queued_bytes", out var t) ? t : 0) + tx;
        }
    }

}
