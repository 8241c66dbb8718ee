using System.Buffers;
using Exporter.Core.Exposition;

namespace Exporter.Core.Meters;

/// <summary>
/// A counter's or gauge's series: one number, a long for integer instruments and the bits of a
/// double otherwise, so every update is one interlocked instruction (or a compare-and-swap).
/// </summary>
internal sealed class ValueSeries(SeriesLabels labels) : Series(labels)
{
    private long _value;
    private Exemplar[]? _exemplar;

    public double Value(bool integer) => integer ? Volatile.Read(ref _value) : BitConverter.Int64BitsToDouble(Volatile.Read(ref _value));

    public Exemplar[]? Exemplars => _exemplar;

    public override void Record(long value, InstrumentState instrument)
    {
        if (instrument.Kind.Aggregation == Aggregation.Sum)
        {
            Interlocked.Add(ref _value, value);
            if (instrument.Exemplars)
            {
                Exemplar.Offer(ref _exemplar, 1, 0, value, instrument.Clock);
            }
        }
        else
        {
            Volatile.Write(ref _value, value);
        }
    }

    public override void Record(double value, InstrumentState instrument)
    {
        if (instrument.Kind.Aggregation == Aggregation.Sum)
        {
            AddDouble(ref _value, value);
            if (instrument.Exemplars)
            {
                Exemplar.Offer(ref _exemplar, 1, 0, value, instrument.Clock);
            }
        }
        else
        {
            Volatile.Write(ref _value, BitConverter.DoubleToInt64Bits(value));
        }
    }

    /// <summary>Writes <c>name{labels} value</c>, with its exemplar in OpenMetrics.</summary>
    public void Write(IBufferWriter<byte> output, byte[] name, bool integer, bool openMetrics)
    {
        var labels = Labels.Closed;
        var line = new SampleLine(output, name.Length + labels.Length);
        line.Append(name);
        line.Append(labels);
        var bits = Volatile.Read(ref _value);
        if (integer)
        {
            line.AppendValue(bits);
        }
        else
        {
            line.AppendValue(BitConverter.Int64BitsToDouble(bits));
        }

        if (openMetrics && _exemplar is { } exemplar)
        {
            line.EndBeforeExemplar();
            Exemplar.Write(output, exemplar, 0);
            output.Write("\n"u8);
        }
        else
        {
            line.End();
        }
    }
}
