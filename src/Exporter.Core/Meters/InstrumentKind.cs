using System.Diagnostics.Metrics;
using Exporter.Core.Exposition;

namespace Exporter.Core.Meters;

/// <summary>How an instrument's measurements are kept, and the Prometheus type they are written as.</summary>
internal enum Aggregation
{
    /// <summary>Counter, UpDownCounter: measurements are increments.</summary>
    Sum,

    /// <summary>Gauge: the latest measurement.</summary>
    LastValue,

    /// <summary>The observable kinds: the callback's value is the current one (cumulative for counters).</summary>
    Observed,

    /// <summary>Histogram: buckets, sum and count.</summary>
    Histogram,
}

/// <summary>The instrument kinds of System.Diagnostics.Metrics, mapped to Prometheus.</summary>
internal readonly record struct InstrumentKind(Aggregation Aggregation, MetricType Type, bool IntegerValues)
{
    /// <summary>Counters only go up: Prometheus counters, named with _total.</summary>
    public bool Monotonic => Type == MetricType.Counter;

    /// <summary>Exemplars belong on counters and histogram buckets, from measurements made in a request.</summary>
    public bool TakesExemplars => Aggregation is Aggregation.Sum or Aggregation.Histogram && Type != MetricType.Gauge;

    /// <summary>Null for an instrument type this bridge does not know.</summary>
    public static InstrumentKind? Of(Instrument instrument)
    {
        var type = instrument.GetType();
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        var integer = type.GetGenericArguments()[0] is var t && (t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(byte));
        InstrumentKind? kind =
            definition == typeof(Counter<>) ? new(Aggregation.Sum, MetricType.Counter, integer)
            : definition == typeof(ObservableCounter<>) ? new(Aggregation.Observed, MetricType.Counter, integer)
            : definition == typeof(UpDownCounter<>) ? new(Aggregation.Sum, MetricType.Gauge, integer)
            : definition == typeof(ObservableUpDownCounter<>) ? new(Aggregation.Observed, MetricType.Gauge, integer)
            : definition == typeof(Gauge<>) ? new(Aggregation.LastValue, MetricType.Gauge, integer)
            : definition == typeof(ObservableGauge<>) ? new(Aggregation.Observed, MetricType.Gauge, integer)
            : definition == typeof(Histogram<>) ? new(Aggregation.Histogram, MetricType.Histogram, integer)
            : null;

        // The runtime publishes these two as ObservableCounter though they go up and down
        // (dotnet/runtime#112077): a counter would make rate() see resets that are not there.
        if (kind is { Type: MetricType.Counter } k && instrument.Meter.Name == "System.Runtime"
            && instrument.Name is "dotnet.thread_pool.thread.count" or "dotnet.thread_pool.queue.length")
        {
            return k with { Type = MetricType.Gauge };
        }

        return kind;
    }
}
