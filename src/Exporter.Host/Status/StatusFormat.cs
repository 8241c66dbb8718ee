using System.Globalization;

namespace Exporter.Host.Status;

/// <summary>
/// How the page writes figures and text: the same functions, with the same double operations, as
/// the page's script (status.html), so a refresh in the browser renders what the server rendered.
/// </summary>
internal static class StatusFormat
{
    public const string Missing = "\u2013";

    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    /// <summary>HTML-escapes untrusted text (names, images, errors) for element content and quoted attributes.</summary>
    public static string Esc(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("'", "&#39;", StringComparison.Ordinal);
    }

    /// <summary>
    /// <paramref name="value"/> with <paramref name="digits"/> decimals, rounding half up on
    /// value * 10^digits (the script's fixed(); .NET's "F" rounds exact halves to even, toFixed() up).
    /// </summary>
    public static string Fixed(double value, int digits)
    {
        var scale = digits switch { 0 => 1.0, 1 => 10.0, 2 => 100.0, _ => throw new ArgumentOutOfRangeException(nameof(digits)) };
        var n = (long)Math.Floor((value * scale) + 0.5);
        var text = Math.Abs(n).ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
        return (n < 0 ? "-" : string.Empty) + (digits > 0 ? text[..^digits] + "." + text[^digits..] : text);
    }

    /// <summary>The exact value, as JavaScript's String(number) writes it for the figures shown.</summary>
    public static string Raw(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 9e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    public static string Percent(double? value) => value is { } v ? Fixed(v, 1) + " %" : Missing;

    public static string Bytes(double? value)
    {
        if (value is not { } v)
        {
            return Missing;
        }

        var i = 0;
        while (v >= 1024 && i < 5)
        {
            v /= 1024;
            i++;
        }

        return Fixed(v, i > 0 ? 1 : 0) + " " + Units[i];
    }

    public static string Rate(double? value) => value is null ? Missing : Bytes(value) + "/s";

    public static string Int(double? value) => value is { } v ? Fixed(v, 0) : Missing;

    public static string Two(double? value) => value is { } v ? Fixed(v, 2) : Missing;

    /// <summary>3d 4h, 5h 6m, 7m 8s or 9s.</summary>
    public static string Duration(double? seconds)
    {
        if (seconds is not { } value)
        {
            return Missing;
        }

        var s = (long)Math.Floor(value);
        long d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60, x = s % 60;
        return d > 0 ? $"{d}d {h}h" : h > 0 ? $"{h}h {m}m" : m > 0 ? $"{m}m {x}s" : $"{x}s";
    }

    /// <summary>2026-11-27 12:00:05 UTC.</summary>
    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>2026-11-27T12:00:05Z, for a time element's datetime.</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
