using System.Buffers;
using System.Text;
using Exporter.Core.Exposition;

namespace Exporter.Core.Meters;

/// <summary>
/// One Prometheus family fed by one or more instruments (the same name from several meters, told
/// apart by otel_scope_name). Written live: each scrape reads the instruments' series as they are.
/// </summary>
internal sealed class MeterFamily : ILiveSamples
{
    private readonly string? _unit;
    private InstrumentState[] _instruments = [];
    private MetricDescriptor? _descriptor;
    private int _descriptorVersion = -1;

    public MeterFamily(string name, string help, MetricType type, string? unit)
    {
        Name = name;
        Help = help;
        Type = type;
        _unit = unit;
        NameUtf8 = Encoding.UTF8.GetBytes(name);
        BucketNameUtf8 = Encoding.UTF8.GetBytes(name + "_bucket");
        SumNameUtf8 = Encoding.UTF8.GetBytes(name + "_sum");
        CountNameUtf8 = Encoding.UTF8.GetBytes(name + "_count");
    }

    public string Name { get; }

    public string Help { get; }

    public MetricType Type { get; }

    public byte[] NameUtf8 { get; }

    public byte[] BucketNameUtf8 { get; }

    public byte[] SumNameUtf8 { get; }

    public byte[] CountNameUtf8 { get; }

    public IReadOnlyList<InstrumentState> Instruments => Volatile.Read(ref _instruments);

    public bool IsEmpty
    {
        get
        {
            foreach (var instrument in Volatile.Read(ref _instruments))
            {
                foreach (var series in instrument.Series())
                {
                    if (instrument.IsCurrent(series))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }

    /// <summary>Under the bridge's lock: instruments are added and removed as meters come and go.</summary>
    public void Add(InstrumentState instrument) => Volatile.Write(ref _instruments, [.. _instruments, instrument]);

    public void Remove(InstrumentState instrument) => Volatile.Write(ref _instruments, [.. _instruments.Where(i => i != instrument)]);

    /// <summary>
    /// The family as the scraper sees it. Its descriptor lists the label names of every series and is
    /// built again only when a series brings a new one.
    /// </summary>
    public MetricFamily ToMetricFamily()
    {
        var instruments = Volatile.Read(ref _instruments);
        var version = instruments.Length;
        foreach (var instrument in instruments)
        {
            version = (version * 31) + instrument.LabelNamesVersion;
        }

        if (_descriptor is null || version != _descriptorVersion)
        {
            string[] labels = [.. instruments.SelectMany(i => i.LabelNames).Distinct().Order(StringComparer.Ordinal)];
            _descriptor = new MetricDescriptor(Name, Help, Type, labels) { Unit = _unit };
            _descriptorVersion = version;
        }

        return new MetricFamily(_descriptor, this);
    }

    public void Write(IBufferWriter<byte> output, bool openMetrics)
    {
        foreach (var instrument in Volatile.Read(ref _instruments))
        {
            var integer = instrument.Kind.IntegerValues;
            foreach (var series in instrument.Series())
            {
                if (!instrument.IsCurrent(series))
                {
                    continue;
                }

                if (series is HistogramSeries histogram)
                {
                    histogram.Write(output, this, integer, openMetrics);
                }
                else
                {
                    ((ValueSeries)series).Write(output, NameUtf8, integer, openMetrics);
                }
            }
        }
    }

    public IEnumerable<Sample> Snapshot(IReadOnlyList<string> labelNames)
    {
        foreach (var instrument in Volatile.Read(ref _instruments))
        {
            var integer = instrument.Kind.IntegerValues;
            foreach (var series in instrument.Series().ToArray())
            {
                if (!instrument.IsCurrent(series) || series.Labels.Pairs.Any(p => !labelNames.Contains(p.Key)))
                {
                    continue;
                }

                var values = labelNames.Select(n => Array.Find(series.Labels.Pairs, p => p.Key == n).Value ?? string.Empty).ToArray();
                if (series is HistogramSeries histogram)
                {
                    foreach (var (suffix, bound, value) in histogram.Rows(integer))
                    {
                        yield return new Sample(values, value, suffix, bound);
                    }
                }
                else
                {
                    yield return new Sample(values, ((ValueSeries)series).Value(integer));
                }
            }
        }
    }
}
