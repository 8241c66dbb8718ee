using System.Buffers.Text;
using System.Globalization;

namespace Exporter.Core.Exposition;

/// <summary>
/// Numbers, formatted into a span the caller already holds (one span per sample line). Most values
/// of a scrape are whole numbers (counts, bytes, bucket counts): those take the integer formatter,
/// cheaper than a double's shortest round-trip form and giving the same digits.
/// </summary>
public static partial class ExpositionWriter
{
    /// <summary>Room enough for any value: "R" needs at most 24 bytes (-1.2345678901234567E-308).</summary>
    internal const int MaxValueLength = 32;

    /// <summary>
    /// Below 2^53 every integer is a double, so a whole double's shortest round-trip digits are
    /// exactly its integer digits (and .NET writes them without an exponent up to 1E+17). Above,
    /// the shortest form may round the last digits: those stay with the double formatter.
    /// </summary>
    private const long PlainDigitsLimit = 1L << 53;

    /// <summary>
    /// Writes the shortest round-trip form of <paramref name="value"/> (invariant culture; NaN,
    /// +Inf, -Inf as both formats spell them) and returns the bytes written.
    /// </summary>
    internal static int FormatValue(Span<byte> destination, double value)
    {
        if (value is > -PlainDigitsLimit and < PlainDigitsLimit)
        {
            // Whole, and not -0 (which "R" writes as "-0" and a long cannot hold).
            var whole = (long)value;
            if (whole == value && (whole != 0 || !double.IsNegative(value)))
            {
                return FormatWhole(destination, whole);
            }
        }
        else if (double.IsNaN(value))
        {
            "NaN"u8.CopyTo(destination);
            return 3;
        }
        else if (double.IsInfinity(value))
        {
            (value > 0 ? "+Inf"u8 : "-Inf"u8).CopyTo(destination);
            return 4;
        }

        if (!value.TryFormat(destination, out var written, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A double did not fit in its span.");
        }

        return written;
    }

    /// <summary>
    /// Writes an integer instrument's value without going through a double, the same as
    /// <see cref="FormatValue(Span{byte}, double)"/> writes <c>(double)value</c>.
    /// </summary>
    internal static int FormatValue(Span<byte> destination, long value) =>
        value is > -PlainDigitsLimit and < PlainDigitsLimit ? FormatWhole(destination, value) : FormatValue(destination, (double)value);

    private static int FormatWhole(Span<byte> destination, long value)
    {
        if (!Utf8Formatter.TryFormat(value, destination, out var written))
        {
            throw new InvalidOperationException("A long did not fit in its span.");
        }

        return written;
    }
}
