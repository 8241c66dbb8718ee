using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Exporter.Core.Meters;

/// <summary>
/// What the bridge keeps for one instrument: its series, found from a measurement's tags without a
/// global lock or an allocation (a concurrent dictionary read through an alternate key over the tag
/// span). Only a label set seen for the first time takes this instrument's own lock. At most
/// <see cref="MeterExportOptions.MaxSeriesPerInstrument"/> series: past that, measurements go into one
/// overflow series.
/// </summary>
internal sealed class InstrumentState
{
    private readonly ConcurrentDictionary<TagKey, Series> _byTags = new(TagKeyComparer.Instance);
    private readonly ConcurrentDictionary<TagKey, Series>.AlternateLookup<TagSpan> _lookup;
    private readonly Dictionary<string, Series> _byLabels = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly KeyValuePair<string, string>[] _scope;
    private readonly MetricNameTranslation _translation;
    private readonly int _maxSeries;
    private readonly Observations _observations;
    private Series[] _series = new Series[4];
    private int _count;
    private int _remembered;
    private Series? _overflow;
    private long _overflowMeasurements;

    public InstrumentState(
        Instrument instrument, InstrumentKind kind, HistogramBuckets? buckets, KeyValuePair<string, string>[] scope,
        MeterExportOptions options, Observations observations, TimeProvider clock)
    {
        Instrument = instrument;
        Kind = kind;
        Buckets = buckets;
        Clock = clock;
        Exemplars = options.Exemplars && kind.TakesExemplars;
        _scope = scope;
        _translation = options.NameTranslation;
        _maxSeries = Math.Max(1, options.MaxSeriesPerInstrument);
        _observations = observations;
        _lookup = _byTags.GetAlternateLookup<TagSpan>();
    }

    public Instrument Instrument { get; }

    public InstrumentKind Kind { get; }

    public HistogramBuckets? Buckets { get; }

    public bool Exemplars { get; }

    public TimeProvider Clock { get; }

    /// <summary>Measurements folded into the overflow series.</summary>
    public long OverflowMeasurements => Interlocked.Read(ref _overflowMeasurements);

    /// <summary>Label names over all series, sorted (grows as series appear).</summary>
    public string[] LabelNames { get; private set; } = [];

    /// <summary>Bumped whenever <see cref="LabelNames"/> changes.</summary>
    public int LabelNamesVersion { get; private set; }

    public void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = Find(tags);
        series.Record(value, this);
        Observed(series);
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = Find(tags);
        series.Record(value, this);
        Observed(series);
    }

    /// <summary>The series to write: all of them, or for an observable instrument those its last callbacks reported.</summary>
    public ReadOnlySpan<Series> Series()
    {
        var count = Volatile.Read(ref _count);
        return Volatile.Read(ref _series).AsSpan(0, count);
    }

    /// <summary>Whether a series is written in this scrape.</summary>
    public bool IsCurrent(Series series) =>
        Kind.Aggregation != Aggregation.Observed || series.ObservedIn >= _observations.LastCompleted;

    private void Observed(Series series)
    {
        if (Kind.Aggregation == Aggregation.Observed)
        {
            series.ObservedIn = _observations.Current;
        }
    }

    private Series Find(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_lookup.TryGetValue(new TagSpan(tags), out var series))
        {
            return series;
        }

        // A full instrument whose lookup table is full too: straight to the overflow series, without
        // the lock or an allocation, so a label fed with user IDs costs neither memory nor contention.
        if (_overflow is { } overflow && Volatile.Read(ref _remembered) >= 2 * _maxSeries)
        {
            Interlocked.Increment(ref _overflowMeasurements);
            return overflow;
        }

        return Add(tags);
    }

    private Series Add(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (_lock)
        {
            if (_lookup.TryGetValue(new TagSpan(tags), out var existing))
            {
                return existing;
            }

            var labels = SeriesLabels.From(tags, _scope, _translation, Kind.Aggregation == Aggregation.Histogram);
            if (!_byLabels.TryGetValue(labels.Key, out var series))
            {
                if (_count >= _maxSeries - 1)
                {
                    Interlocked.Increment(ref _overflowMeasurements);
                    series = _overflow ??= Append(new SeriesLabels([.. _scope, new("otel_metric_overflow", "true")]));
                }
                else
                {
                    series = Append(labels);
                    _byLabels.Add(labels.Key, series);
                }
            }

            // Overflowing tag sets are remembered too (so they stop taking this lock), up to a bound.
            if (_remembered < 2 * _maxSeries && _byTags.TryAdd(TagKey.From(tags), series))
            {
                Volatile.Write(ref _remembered, _remembered + 1);
            }

            return series;
        }
    }

    // Under the lock. Readers take the count first and the array second, so the array they see
    // always holds that many series.
    private Series Append(SeriesLabels labels)
    {
        Series series = Buckets is { } buckets ? new HistogramSeries(labels, buckets) : new ValueSeries(labels);
        if (_count == _series.Length)
        {
            var larger = new Series[_series.Length * 2];
            _series.CopyTo(larger, 0);
            Volatile.Write(ref _series, larger);
        }

        _series[_count] = series;
        Volatile.Write(ref _count, _count + 1);
        var names = labels.Pairs.Select(p => p.Key).Except(LabelNames, StringComparer.Ordinal).ToArray();
        if (names.Length > 0)
        {
            LabelNames = [.. LabelNames.Concat(names).Order(StringComparer.Ordinal)];
            LabelNamesVersion++;
        }

        return series;
    }
}
