using System.Buffers;
using Exporter.Core.Exposition;

namespace Exporter.Core.Meters;

/// <summary>
/// A series' labels, encoded once as <c>{a="x",b="y"</c> (open, so a bucket's <c>le</c> can follow),
/// and kept as pairs for readers that want rows (<see cref="MetricFamily.Samples"/>).
/// </summary>
internal sealed class SeriesLabels
{
    private readonly byte[] _open;

    public SeriesLabels(KeyValuePair<string, string>[] pairs)
    {
        Pairs = pairs;
        Key = string.Join('\xff', pairs.Select(p => p.Key + "\xfe" + p.Value));
        var buffer = new ArrayBufferWriter<byte>();
        for (var i = 0; i < pairs.Length; i++)
        {
            buffer.Write(i == 0 ? "{"u8 : ","u8);
            ExpositionWriter.WriteUtf8(buffer, pairs[i].Key);
            buffer.Write("=\""u8);
            ExpositionWriter.WriteEscapedLabelValue(buffer, pairs[i].Value);
            buffer.Write("\""u8);
        }

        _open = buffer.WrittenSpan.ToArray();
    }

    /// <summary>Label name and value pairs, in the order written.</summary>
    public KeyValuePair<string, string>[] Pairs { get; }

    /// <summary>Tells label sets apart: two tag sets that give the same labels are one series.</summary>
    public string Key { get; }

    /// <summary>Writes the labels and the closing brace (nothing when there are none).</summary>
    public void WriteClosed(IBufferWriter<byte> output)
    {
        if (_open.Length > 0)
        {
            output.Write(_open);
            output.Write("}"u8);
        }
    }

    /// <summary>Writes the labels followed by <c>le="</c>, ready for the bound.</summary>
    public void WriteWithBound(IBufferWriter<byte> output)
    {
        output.Write(_open);
        output.Write(_open.Length > 0 ? ",le=\""u8 : "{le=\""u8);
    }

    /// <summary>
    /// The labels of a measurement: the scope's first, then each attribute under its escaped name.
    /// Attributes whose names escape to the same label are joined with ';' in the order of their
    /// original keys (specification, "Metric Attributes"). On a histogram, an attribute named le
    /// would clash with the bucket bound and is left out.
    /// </summary>
    public static SeriesLabels From(
        ReadOnlySpan<KeyValuePair<string, object?>> tags, KeyValuePair<string, string>[] scope, MetricNameTranslation translation, bool histogram)
    {
        var sorted = tags.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in sorted)
        {
            var name = PrometheusNaming.LabelName(key, translation);
            if ((histogram && name == "le") || scope.Any(s => s.Key == name))
            {
                continue;
            }

            var text = PrometheusNaming.LabelValue(value);
            merged[name] = merged.TryGetValue(name, out var earlier) ? earlier + ";" + text : text;
        }

        return new SeriesLabels([.. scope, .. merged]);
    }
}
