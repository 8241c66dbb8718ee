namespace Exporter.Core.Meters;

/// <summary>
/// One label set of one instrument. Its labels are encoded once, when it is created; measurements
/// then only touch its numbers, with interlocked operations.
/// </summary>
internal abstract class Series(SeriesLabels labels)
{
    public SeriesLabels Labels { get; } = labels;

    /// <summary>For observable instruments: the observation pass that last reported this series.</summary>
    public int ObservedIn;

    public abstract void Record(long value, InstrumentState instrument);

    public abstract void Record(double value, InstrumentState instrument);

    /// <summary>Adds <paramref name="value"/> to a double kept as its bits, without a lock.</summary>
    protected static void AddDouble(ref long bits, double value)
    {
        var current = Volatile.Read(ref bits);
        while (true)
        {
            var next = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(current) + value);
            var seen = Interlocked.CompareExchange(ref bits, next, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
