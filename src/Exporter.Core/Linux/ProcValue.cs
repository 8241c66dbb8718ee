using System.Globalization;

namespace Exporter.Core.Linux;

/// <summary>
/// Numbers as procfs and sysfs print them, parsed culture-invariantly. The Parse methods throw a
/// FormatException that starts with <c>source</c> (the file, "stat:") and, when given, says where the
/// value was (<c>context</c>: the field or the line).
/// </summary>
internal static class ProcValue
{
    /// <summary>A decimal number (optionally signed, optionally with a fraction).</summary>
    public static double ParseDouble(string source, string text, string? context = null) =>
        TryParseDouble(text, out var value)
            ? value
            : throw new FormatException($"{source}: '{Shorten(text)}'{In(context)} is not a number");

    /// <summary>
    /// A decimal number, for files where a value that is not a number is skipped rather than an
    /// error (Go's strconv.ParseFloat failing, as node_exporter treats hwmon and udev values).
    /// </summary>
    public static bool TryParseDouble(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// A whole number, decimal or with a 0x prefix as hexadecimal (sysfs prints flags and dev_id as
    /// "0x1003"); the same bases Go's strconv.ParseInt(s, 0, 64) accepts for these files, over the
    /// whole range of long.
    /// </summary>
    public static long ParseInt64(string source, string text)
    {
        var s = text.Trim();
        var negative = s.StartsWith('-');
        var digits = negative || s.StartsWith('+') ? s[1..] : s;

        // The magnitude as unsigned, so the most negative value (-2^63) parses too.
        ulong magnitude;
        var ok = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(digits.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out magnitude) && digits.Length > 2
            : ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out magnitude);
        ok = ok && magnitude <= (negative ? 1UL << 63 : long.MaxValue);
        return ok ? (negative ? unchecked(-(long)magnitude) : (long)magnitude) : throw new FormatException($"{source}: '{Shorten(text)}' is not an integer");
    }

    /// <summary>An unsigned hexadecimal number without prefix, as in /proc/net/softnet_stat.</summary>
    public static ulong ParseHex(string source, string text) =>
        ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{source}: '{Shorten(text)}' is not a hexadecimal number");

    /// <summary>An unsigned decimal number.</summary>
    public static ulong ParseUInt64(string source, string text, string? context = null) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{source}: '{Shorten(text)}'{In(context)} is not an unsigned integer");

    private static string In(string? context) => context is null ? string.Empty : $" in '{Shorten(context)}'";

    private static string Shorten(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 64 ? trimmed : trimmed[..64] + "...";
    }
}
