namespace Exporter.Core.Linux;

/// <summary>
/// Parses /proc/[pid]/io ("read_bytes: 4096" per line; proc(5)): the bytes the process caused to
/// be fetched from and sent to the storage layer (not rchar/wchar, which count cache hits too).
/// </summary>
internal static class ProcIoParser
{
    public static (double ReadBytes, double WriteBytes) Parse(string text)
    {
        double? read = null, write = null;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new FormatException($"io: no ':' in '{line}'");
            }

            var key = line.AsSpan(0, colon);
            if (key.SequenceEqual("read_bytes"))
            {
                read = ParseValue(line, colon);
            }
            else if (key.SequenceEqual("write_bytes"))
            {
                write = ParseValue(line, colon);
            }
        }

        return read is { } r && write is { } w
            ? (r, w)
            : throw new FormatException("io: read_bytes or write_bytes missing");
    }

    private static double ParseValue(string line, int colon) => ProcValue.ParseUInt64("io", line[(colon + 1)..].Trim(), line);
}
