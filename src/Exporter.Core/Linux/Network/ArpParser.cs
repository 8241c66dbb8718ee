namespace Exporter.Core.Linux;

/// <summary>
/// Parses /proc/net/arp (a header, then "IP address  HW type  Flags  HW address  Mask  Device" per
/// entry) into entries per device, as node_exporter's arp collector counts them.
/// </summary>
internal static class ArpParser
{
    public static SortedDictionary<string, int> Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || !lines[0].StartsWith("IP address", StringComparison.Ordinal))
        {
            throw new FormatException("arp: missing the 'IP address ...' header");
        }

        var entries = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 6)
            {
                throw new FormatException($"arp: expected 6 fields in '{line.Trim()}'");
            }

            entries[fields[5]] = entries.GetValueOrDefault(fields[5]) + 1;
        }

        return entries;
    }
}
