using System.Globalization;

namespace Exporter.Host.Web;

/// <summary>
/// Go's time.ParseDuration, as yaml.v2 reads a time.Duration: "1s", "1m30s", "250ms", "0"; a bare
/// integer is nanoseconds. Negative durations are refused (no setting here takes one).
/// </summary>
internal static class GoDuration
{
    // "ms" before "m", so "m" never takes the first letter of "ms".
    private static readonly (string Unit, double Seconds)[] Units =
    [
        ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("μs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
    ];

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var nanoseconds))
        {
            duration = TimeSpan.FromTicks(nanoseconds / 100);
            return true;
        }

        var rest = text.AsSpan();
        if (rest.IsEmpty)
        {
            return false;
        }

        var seconds = 0.0;
        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && (char.IsAsciiDigit(rest[digits]) || rest[digits] == '.'))
            {
                digits++;
            }

            if (digits == 0 || !double.TryParse(rest[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            rest = rest[digits..];
            var unit = 0;
            while (unit < Units.Length && !rest.StartsWith(Units[unit].Unit, StringComparison.Ordinal))
            {
                unit++;
            }

            if (unit == Units.Length)
            {
                return false;
            }

            seconds += number * Units[unit].Seconds;
            rest = rest[Units[unit].Unit.Length..];
        }

        if (seconds > TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
