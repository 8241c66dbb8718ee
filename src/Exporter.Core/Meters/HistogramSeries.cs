using System.Buffers;
using Exporter.Core.Exposition;

namespace Exporter.Core.Meters;

/// <summary>
/// A histogram's series: a count per bucket, and the sum. Each measurement increments one bucket
/// and adds to the sum with interlocked operations. The total count is not kept apart: a scrape adds
/// up the buckets it read, so <c>_count</c> always equals the <c>+Inf</c> bucket, whatever races
/// with it.
/// </summary>
internal sealed class HistogramSeries(SeriesLabels labels, HistogramBuckets buckets) : Series(labels)
{
    private readonly long[] _counts = new long[buckets.Count];
    private long _sum;
    private Exemplar[]? _exemplars;

    public HistogramBuckets Buckets { get; } = buckets;

    public override void Record(long value, InstrumentState instrument)
    {
        var index = Buckets.IndexOf(value);
        Interlocked.Increment(ref _counts[index]);
        Interlocked.Add(ref _sum, value);
        if (instrument.Exemplars)
        {
            Exemplar.Offer(ref _exemplars, _counts.Length, index, value, instrument.Clock);
        }
    }

    public override void Record(double value, InstrumentState instrument)
    {
        var index = Buckets.IndexOf(value);
        Interlocked.Increment(ref _counts[index]);
        AddDouble(ref _sum, value);
        if (instrument.Exemplars)
        {
            Exemplar.Offer(ref _exemplars, _counts.Length, index, value, instrument.Clock);
        }
    }

    /// <summary>The buckets (cumulative, +Inf last) and the sum, as one scrape sees them.</summary>
    public double ReadInto(Span<long> cumulative, bool integer)
    {
        long running = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            running += Volatile.Read(ref _counts[i]);
            cumulative[i] = running;
        }

        return integer ? Volatile.Read(ref _sum) : BitConverter.Int64BitsToDouble(Volatile.Read(ref _sum));
    }

    /// <summary>Writes the _bucket lines, _sum and _count.</summary>
    public void Write(IBufferWriter<byte> output, MeterFamily family, bool integer, bool openMetrics)
    {
        var length = _counts.Length;
        var rented = length > 64 ? ArrayPool<long>.Shared.Rent(length) : null;
        var cumulative = rented is null ? stackalloc long[length] : rented.AsSpan(0, length);
        var sum = ReadInto(cumulative, integer);
        var le = Buckets.LeUtf8;
        var name = family.BucketNameUtf8;
        var labels = Labels.Open;
        var bound = labels.IsEmpty ? "{le=\""u8 : ",le=\""u8;
        for (var i = 0; i < length; i++)
        {
            var line = new SampleLine(output, name.Length + labels.Length + bound.Length + le[i].Length + 2);
            line.Append(name);
            line.Append(labels);
            line.Append(bound);
            line.Append(le[i]);
            line.Append("\"}"u8);
            line.AppendValue(cumulative[i]);
            if (openMetrics && _exemplars is not null)
            {
                line.EndBeforeExemplar();
                Exemplar.Write(output, _exemplars, i);
                output.Write("\n"u8);
            }
            else
            {
                line.End();
            }
        }

        if (!openMetrics || !Buckets.HasNegativeBounds)
        {
            WriteLine(output, family.SumNameUtf8, sum);
        }

        WriteLine(output, family.CountNameUtf8, cumulative[length - 1]);
        if (rented is not null)
        {
            ArrayPool<long>.Shared.Return(rented);
        }
    }

    /// <summary>The same as rows: buckets, _sum, _count.</summary>
    public IEnumerable<(string Suffix, double? Bound, double Value)> Rows(bool integer)
    {
        var cumulative = new long[_counts.Length];
        var sum = ReadInto(cumulative, integer);
        for (var i = 0; i < cumulative.Length; i++)
        {
            yield return ("_bucket", i < Buckets.Bounds.Length ? Buckets.Bounds[i] : double.PositiveInfinity, cumulative[i]);
        }

        yield return ("_sum", null, sum);
        yield return ("_count", null, cumulative[^1]);
    }

    private void WriteLine(IBufferWriter<byte> output, byte[] name, double value)
    {
        var line = new SampleLine(output, name.Length + Labels.Closed.Length);
        line.Append(name);
        line.Append(Labels.Closed);
        line.AppendValue(value);
        line.End();
    }
}
