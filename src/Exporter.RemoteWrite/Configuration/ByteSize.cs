using System.Globalization;

namespace Exporter.RemoteWrite.Configuration;

/// <summary>
/// Sizes such as 512MB, 1GiB, 64KiB or 1048576. As in Prometheus' --storage.tsdb.retention.size,
/// KB, MB, GB and TB are powers of 1024, the same as KiB, MiB, GiB and TiB.
/// </summary>
public static class ByteSize
{
    private static readonly (string Suffix, long Scale)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        ("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30), ("TB", 1L << 40),
        ("K", 1L << 10), ("M", 1L << 20), ("G", 1L << 30), ("T", 1L << 40), ("B", 1),
    ];

    /// <summary>Parses a size; false for anything that is not a non-negative number with an optional unit.</summary>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var trimmed = text?.Trim() ?? string.Empty;
        var scale = 1L;
        foreach (var (suffix, unitScale) in Units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^suffix.Length].TrimEnd();
                scale = unitScale;
                break;
            }
        }

        if (!double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || number * scale >= long.MaxValue)
        {
            return false;
        }

        bytes = (long)Math.Round(number * scale);
        return true;
    }
}
