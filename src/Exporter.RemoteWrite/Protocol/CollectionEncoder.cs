using System.Globalization;
using Exporter.Core.Exposition;

namespace Exporter.RemoteWrite.Protocol;

/// <summary>
/// Turns one collection into the <c>timeseries</c> of a remote-write 1.0 <c>WriteRequest</c>
/// (prometheus/prompb/types.proto): one TimeSeries per sample, its labels sorted by name with
/// <c>__name__</c> among them and empty values left out, the push labels added where the series lacks
/// them, and the collection's time as timestamp. Series that were in the previous collection and are
/// gone get a stale marker, so PromQL stops showing them at once instead of after its 5-minute
/// lookback. Repeated TimeSeries fields concatenate, so several encoded collections appended one after
/// the other are still one valid WriteRequest: that is how the sender batches a backlog.
/// </summary>
internal sealed class CollectionEncoder
{
    /// <summary>Prometheus' staleness marker: a NaN with this exact bit pattern (model/value/value.go).</summary>
    public const ulong StaleNaNBits = 0x7ff0000000000002;

    public static readonly double StaleNaN = BitConverter.UInt64BitsToDouble(StaleNaNBits);

    private const int TimeSeriesField = 1;
    private const int LabelsField = 1;
    private const int SamplesField = 2;

    private readonly Label[] _external;
    private readonly ByteBuffer _body = new();
    private SeriesSet _current = new();
    private SeriesSet _previous = new();
    private Label[] _labels = new Label[16];

    /// <param name="externalLabels">Added to every series that lacks them; empty values are left out.</param>
    public CollectionEncoder(IEnumerable<KeyValuePair<string, string>> externalLabels)
    {
        _external = [.. externalLabels.Where(l => l.Value.Length > 0).Select(l => new Label(l.Key, l.Value)).OrderBy(l => l.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Encodes the families' samples at <paramref name="timestampMs"/>, then stale markers for the
    /// series that vanished since the previous call. The bytes are valid until the next call.
    /// </summary>
    public ReadOnlySpan<byte> Encode(IReadOnlyList<MetricFamily> families, long timestampMs, out int samples)
    {
        _body.Clear();
        _current.Clear();
        samples = 0;
        foreach (var family in families)
        {
            var descriptor = family.Descriptor;
            foreach (var sample in family.Samples)
            {
                var count = CollectLabels(descriptor, sample);
                if (WriteSeries(count, sample.Value, timestampMs))
                {
                    samples++;
                }
            }
        }

        foreach (var slice in _previous.Slices)
        {
            var labels = _previous.Labels(slice);
            if (!_current.Contains(labels))
            {
                WriteSeries(labels, StaleNaN, timestampMs);
                samples++;
            }
        }

        (_previous, _current) = (_current, _previous);
        return _body.WrittenSpan;
    }

    /// <summary>Label values as Prometheus' text format writes them (le="0.5", le="+Inf").</summary>
    internal static string FormatBound(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    private int CollectLabels(MetricDescriptor descriptor, Sample sample)
    {
        var needed = descriptor.LabelNames.Count + _external.Length + 2;
        if (_labels.Length < needed)
        {
            _labels = new Label[needed];
        }

        var count = 0;
        _labels[count++] = new Label("__name__", sample.Suffix.Length == 0 ? descriptor.Name : descriptor.Name + sample.Suffix);
        for (var i = 0; i < descriptor.LabelNames.Count; i++)
        {
            // An empty value is the same as no label (Prometheus drops it; remote write forbids it).
            if (sample.LabelValues[i].Length > 0)
            {
                _labels[count++] = new Label(descriptor.LabelNames[i], sample.LabelValues[i]);
            }
        }

        if (sample.Bound is { } bound)
        {
            _labels[count++] = new Label(descriptor.Type == MetricType.Summary ? "quantile" : "le", FormatBound(bound));
        }

        // As Prometheus' external_labels: a label the series has already wins.
        var own = count;
        foreach (var external in _external)
        {
            if (!Has(own, external.Name))
            {
                _labels[count++] = external;
            }
        }

        SortByName(count);
        return count;
    }

    private bool Has(int count, string name)
    {
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(_labels[i].Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Insertion sort: a series has a handful of labels, and this allocates nothing.
    private void SortByName(int count)
    {
        for (var i = 1; i < count; i++)
        {
            var label = _labels[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(_labels[j].Name, label.Name) > 0)
            {
                _labels[j + 1] = _labels[j];
                j--;
            }

            _labels[j + 1] = label;
        }
    }

    /// <summary>Writes one TimeSeries from <see cref="_labels"/>; false (and nothing written) for a duplicate series.</summary>
    private bool WriteSeries(int count, double value, long timestampMs)
    {
        var labelsSize = 0;
        for (var i = 0; i < count; i++)
        {
            labelsSize += Protobuf.LengthDelimitedSize(_labels[i].MessageSize);
        }

        var start = _body.Length;
        Protobuf.WriteLengthPrefix(_body, TimeSeriesField, labelsSize + SampleFieldSize(timestampMs));
        var labelsStart = _body.Length;
        for (var i = 0; i < count; i++)
        {
            var label = _labels[i];
            Protobuf.WriteLengthPrefix(_body, LabelsField, label.MessageSize);
            Protobuf.WriteString(_body, 1, label.Name);
            Protobuf.WriteString(_body, 2, label.Value);
        }

        if (!_current.Add(_body.WrittenSpan[labelsStart..]))
        {
            _body.Rewind(start);
            return false;
        }

        WriteSample(value, timestampMs);
        return true;
    }

    /// <summary>Writes one TimeSeries whose label fields are already encoded (a stale marker).</summary>
    private void WriteSeries(ReadOnlySpan<byte> labels, double value, long timestampMs)
    {
        Protobuf.WriteLengthPrefix(_body, TimeSeriesField, labels.Length + SampleFieldSize(timestampMs));
        _body.Write(labels);
        WriteSample(value, timestampMs);
    }

    private static int SampleMessageSize(long timestampMs) => 9 + Protobuf.Int64FieldSize(timestampMs);

    private static int SampleFieldSize(long timestampMs) => Protobuf.LengthDelimitedSize(SampleMessageSize(timestampMs));

    // Sample { double value = 1; int64 timestamp = 2; }
    private void WriteSample(double value, long timestampMs)
    {
        Protobuf.WriteLengthPrefix(_body, SamplesField, SampleMessageSize(timestampMs));
        Protobuf.WriteDouble(_body, 1, value);
        Protobuf.WriteInt64(_body, 2, timestampMs);
    }

    private readonly record struct Label(string Name, string Value)
    {
        // Label { string name = 1; string value = 2; }
        public int MessageSize => Protobuf.StringFieldSize(Name) + Protobuf.StringFieldSize(Value);
    }
}
