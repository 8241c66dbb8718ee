using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace Exporter.Core.Exposition;

/// <summary>
/// Encodes metric families in the Prometheus text format 0.0.4 or OpenMetrics 1.0.0 into one buffer.
/// Everything constant was encoded by <see cref="MetricDescriptor"/>; only label values and numbers
/// are formatted here.
/// </summary>
public static partial class ExpositionWriter
{
    /// <summary>Unflushed bytes after which <see cref="WriteAsync"/> hands what it wrote to the reader.</summary>
    internal const int FlushThreshold = 32 * 1024;

    private static readonly byte[] Eof = "# EOF\n"u8.ToArray();

    /// <summary>Writes the families in the given order. Families without samples are left out.</summary>
    public static void Write(IBufferWriter<byte> output, IEnumerable<MetricFamily> families, ExpositionFormat format)
    {
        var openMetrics = format == ExpositionFormat.OpenMetrics;
        foreach (var family in families)
        {
            WriteFamily(output, family, openMetrics);
        }

        if (openMetrics)
        {
            output.Write(Eof);
        }
    }

    /// <summary>
    /// Writes the families straight into a response's pipe, flushing whenever a family leaves
    /// <see cref="FlushThreshold"/> bytes or more waiting: the body is never held whole (nor copied),
    /// and the pipe's pooled segments are reused from one flush to the next. Stops early when the
    /// reader has gone.
    /// </summary>
    internal static async ValueTask WriteAsync(PipeWriter output, IReadOnlyList<MetricFamily> families, ExpositionFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(families);
        var openMetrics = format == ExpositionFormat.OpenMetrics;
        for (var i = 0; i < families.Count; i++)
        {
            WriteFamily(output, families[i], openMetrics);
            if (!output.CanGetUnflushedBytes || output.UnflushedBytes >= FlushThreshold)
            {
                var flushed = await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    return;
                }
            }
        }

        if (openMetrics)
        {
            output.Write(Eof);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteFamily(IBufferWriter<byte> output, MetricFamily family, bool openMetrics)
    {
        if (family.IsEmpty)
        {
            return;
        }

        var descriptor = family.Descriptor;
        output.Write(openMetrics ? descriptor.OpenMetricsHeaderUtf8 : descriptor.TextHeaderUtf8);
        if (family.Live is { } live)
        {
            live.Write(output, openMetrics);
            return;
        }

        foreach (var sample in family.Samples)
        {
            WriteSample(output, descriptor, sample);
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
    internal static void WriteValue(IBufferWriter<byte> output, double value) =>
        output.Advance(FormatValue(output.GetSpan(MaxValueLength), value));

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
