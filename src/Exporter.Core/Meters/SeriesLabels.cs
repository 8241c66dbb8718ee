using System.Buffers;
using Exporter.Core.Exposition;

namespace Exporter.Core.Meters;

/// <summary>
/// A series' labels, encoded once as <c>{a="x",b="y"}</c> (and read open, without the brace, where
/// a bucket's <c>le</c> follows), and kept as pairs for readers that want rows
/// (<see cref="MetricFamily.Samples"/>).
/// </summary>
internal sealed class SeriesLabels
{
    private readonly byte[] _closed;

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

        if (pairs.Length > 0)
        {
            buffer.Write("}"u8);
        }

        _closed = buffer.WrittenSpan.ToArray();
    }

    /// <summary>Label name and value pairs, in the order written.</summary>
    public KeyValuePair<string, string>[] Pairs { get; }

    /// <summary>Tells label sets apart: two tag sets that give the same labels are one series.</summary>
    public string Key { get; }

    /// <summary>The labels with their closing brace (empty when there are none).</summary>
    public ReadOnlySpan<byte> Closed => _closed;

    /// <summary>The labels without the closing brace, ready for <c>,le="</c> (empty when there are none).</summary>
    public ReadOnlySpan<byte> Open => _closed.Length == 0 ? default : _closed.AsSpan(0, _closed.Length - 1);

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
