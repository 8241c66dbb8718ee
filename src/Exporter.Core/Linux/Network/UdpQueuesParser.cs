namespace Exporter.Core.Linux;

/// <summary>
/// Sums the queues of /proc/net/udp or /proc/net/udp6 (proc(5)): after a header, one socket per
/// line whose fifth field is "tx_queue:rx_queue" in hexadecimal bytes.
/// </summary>
internal static class UdpQueuesParser
{
    public static (double TxBytes, double RxBytes) Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || !lines[0].StartsWith("sl", StringComparison.Ordinal))
        {
            throw new FormatException("udp: missing the 'sl local_address ...' header");
        }

        double tx = 0;
        double rx = 0;
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var queues = fields.Length >= 5 ? fields[4].Split(':') : [];
            if (queues.Length != 2)
            {
                throw new FormatException($"udp: expected 'tx_queue:rx_queue' in the fifth field: '{line}'");
            }

            tx += ProcValue.ParseHex("udp", queues[0]);
            rx += ProcValue.ParseHex("udp", queues[1]);
        }

        return (tx, rx);
    }
}
