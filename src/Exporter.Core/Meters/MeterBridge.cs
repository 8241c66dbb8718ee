using System.Diagnostics.Metrics;
using Exporter.Core.Exposition;
using Microsoft.Extensions.Logging;

namespace Exporter.Core.Meters;

/// <summary>
/// Listens to every selected meter's instruments from the moment the app starts and keeps their
/// series for the scrape. One instance per app; disposing it stops the listening.
/// </summary>
internal sealed class MeterBridge : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly MeterExportOptions _options;
    private readonly MeterSelector _selector;
    private readonly IMeterFactory? _meterFactory;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Lock _observeLock = new();
    private readonly Dictionary<string, MeterFamily> _families = new(StringComparer.Ordinal);
    private readonly Observations _observations = new();
    private readonly double[] _defaultBuckets;

    public MeterBridge(MeterExportOptions options, IMeterFactory? meterFactory, TimeProvider clock, ILogger logger)
    {
        _options = options;
        _selector = new MeterSelector(options);
        _meterFactory = meterFactory;
        _clock = clock;
        _logger = logger;
        _defaultBuckets = options.DefaultHistogramBuckets is { Count: > 0 } buckets ? [.. buckets] : MeterExportOptions.DefaultBuckets;
        _listener.InstrumentPublished = OnPublished;
        _listener.MeasurementsCompleted = OnCompleted;
        _listener.SetMeasurementEventCallback<long>(static (_, m, tags, state) => ((InstrumentState)state!).Record(m, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, m, tags, state) => ((InstrumentState)state!).Record(m, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, m, tags, state) => ((InstrumentState)state!).Record(m, tags));
        _listener.SetMeasurementEventCallback<byte>(static (_, m, tags, state) => ((InstrumentState)state!).Record(m, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, m, tags, state) => ((InstrumentState)state!).Record(m, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, m, tags, state) => ((InstrumentState)state!).Record(m, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, m, tags, state) => ((InstrumentState)state!).Record((double)m, tags));
        _listener.Start();
    }

    /// <summary>The families, each with at least one instrument.</summary>
    public IReadOnlyList<MeterFamily> Families()
    {
        lock (_lock)
        {
            return [.. _families.Values];
        }
    }

    /// <summary>Runs every observable instrument's callback once (one pass at a time).</summary>
    public void Observe()
    {
        lock (_observeLock)
        {
            _observations.Begin();
            _listener.RecordObservableInstruments();
            _observations.Complete();
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnPublished(Instrument instrument, MeterListener listener)
    {
        var meter = instrument.Meter;

        // A meter made by another app's IMeterFactory (two hosts in one process, as in tests) is
        // that app's; meters created directly (new Meter(...), the runtime's) belong to all.
        if (!_selector.Includes(meter.Name) || (meter.Scope is IMeterFactory owner && !ReferenceEquals(owner, _meterFactory)))
        {
            return;
        }

        if (InstrumentKind.Of(instrument) is not { } kind)
        {
            MeterLog.UnknownInstrument(_logger, instrument.Name, meter.Name, instrument.GetType().Name);
            return;
        }

        var translation = _options.NameTranslation;
        var name = PrometheusNaming.MetricName(meter.Name, instrument.Name, instrument.Unit, kind.Monotonic, translation);
        var unit = translation == MetricNameTranslation.UnderscoreEscapingWithSuffixes ? PrometheusNaming.UnitSuffix(instrument.Unit) : null;
        var state = new InstrumentState(instrument, kind, Buckets(instrument, kind), Scope(meter), _options, _observations, _clock);
        lock (_lock)
        {
            if (!_families.TryGetValue(name, out var family))
            {
                var help = string.IsNullOrWhiteSpace(instrument.Description) ? $"{instrument.Name} ({meter.Name})" : instrument.Description;
                family = new MeterFamily(name, help, kind.Type, unit);
                _families.Add(name, family);
            }
            else if (family.Type != kind.Type)
            {
                // Specification, "Metric Metadata": one name, two types cannot be written as one
                // family; the first one stays.
                MeterLog.TypeClash(_logger, name, instrument.Name, meter.Name, kind.Type.ToString(), family.Type.ToString());
                return;
            }

            family.Add(state);
        }

        listener.EnableMeasurementEvents(instrument, state);
    }

    private void OnCompleted(Instrument instrument, object? state)
    {
        if (state is not InstrumentState instrumentState)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var (name, family) in _families)
            {
                if (family.Instruments.Contains(instrumentState))
                {
                    family.Remove(instrumentState);
                    if (family.Instruments.Count == 0)
                    {
                        _families.Remove(name);
                    }

                    return;
                }
            }
        }
    }

    private KeyValuePair<string, string>[] Scope(Meter meter) =>
        !_options.ScopeLabels || _options.NameTranslation == MetricNameTranslation.PrometheusNetCompatible ? []
        : string.IsNullOrEmpty(meter.Version) ? [new("otel_scope_name", meter.Name)]
        : [new("otel_scope_name", meter.Name), new("otel_scope_version", meter.Version)];

    // Per-instrument setting first, then the instrument's advice, then the configured default.
    private HistogramBuckets? Buckets(Instrument instrument, InstrumentKind kind)
    {
        if (kind.Aggregation != Aggregation.Histogram)
        {
            return null;
        }

        if (_options.HistogramBuckets.TryGetValue(instrument.Name, out var configured) && configured.Count > 0)
        {
            return new HistogramBuckets(configured);
        }

        IEnumerable<double>? advice = instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries,
            Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            Histogram<short> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            Histogram<byte> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            Histogram<decimal> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            _ => null,
        };
        return new HistogramBuckets(advice ?? _defaultBuckets);
    }
}
