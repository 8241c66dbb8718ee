using System.Buffers;
using System.Globalization;
using System.Text;

namespace Exporter.Core.Exposition;

/// <summary>
/// Encodes metric families in the Prometheus text format 0.0.4 or OpenMetrics 1.0.0 into one buffer.
/// Everything constant was encoded by <see cref="MetricDescriptor"/>; only label values and numbers
/// are formatted here.
/// </summary>
public static class ExpositionWriter
{
    private static readonly byte[] Eof = "# EOF\n"u8.ToArray();

    /// <summary>Writes the families in the given order. Families without samples are left out.</summary>
    public static void Write(IBufferWriter<byte> output, IEnumerable<MetricFamily> families, ExpositionFormat format)
    {
        var openMetrics = format == ExpositionFormat.OpenMetrics;
        foreach (var family in families)
        {
            if (family.IsEmpty)
            {
                continue;
            }

            var descriptor = family.Descriptor;
            output.Write(openMetrics ? descriptor.OpenMetricsHeaderUtf8 : descriptor.TextHeaderUtf8);
            if (family.Live is { } live)
            {
                live.Write(output, openMetrics);
                continue;
            }

            foreach (var sample in family.Samples)
            {
                WriteSample(output, descriptor, sample);
            }
        }

        if (openMetrics)
        {
            output.Write(Eof);
        }
    }

    private static void WriteSample(IBufferWriter<byte> output, MetricDescriptor descriptor, Sample sample)
    {
        output.Write(descriptor.NameUtf8);
        WriteUtf8(output, sample.Suffix);
        var prefixes = descriptor.LabelPrefixesUtf8;
        for (var i = 0; i < prefixes.Length; i++)
        {
            output.Write(prefixes[i]);
            WriteEscapedLabelValue(output, sample.LabelValues[i]);
        }

        if (sample.Bound is { } bound)
        {
            output.Write(prefixes.Length == 0 ? "{"u8 : "\","u8);
            output.Write(descriptor.BoundLabelUtf8);
            WriteValue(output, bound);
        }

        if (prefixes.Length > 0 || sample.Bound is not null)
        {
            output.Write("\"}"u8);
        }

        output.Write(" "u8);
        WriteValue(output, sample.Value);
        output.Write("\n"u8);
    }

    /// <summary>Label values escape backslash, double quote and line feed (both formats).</summary>
    internal static void WriteEscapedLabelValue(IBufferWriter<byte> output, string value)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var escape = value[i] switch
            {
                '\\' => "\\\\"u8,
                '"' => "\\\""u8,
                '\n' => "\\n"u8,
                _ => default,
            };
            if (escape.IsEmpty)
            {
                continue;
            }

            WriteUtf8(output, value.AsSpan(start, i - start));
            output.Write(escape);
            start = i + 1;
        }

        WriteUtf8(output, value.AsSpan(start));
    }

    /// <summary>
    /// Shortest round-trip form, invariant culture; NaN and infinities spelled as both formats
    /// require (NaN, +Inf, -Inf).
    /// </summary>
    internal static void WriteValue(IBufferWriter<byte> output, double value)
    {
        if (double.IsNaN(value))
        {
            output.Write("NaN"u8);
            return;
        }

        if (double.IsInfinity(value))
        {
            output.Write(value > 0 ? "+Inf"u8 : "-Inf"u8);
            return;
        }

        var span = output.GetSpan(32);
        if (!value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A double did not fit in 32 bytes.");
        }

        output.Advance(written);
    }

    internal static void WriteUtf8(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
