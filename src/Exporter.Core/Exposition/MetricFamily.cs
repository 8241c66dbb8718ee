namespace Exporter.Core.Exposition;

/// <summary>A descriptor with the samples collected for it in one scrape.</summary>
public sealed class MetricFamily
{
    private List<Sample>? _samples;

    /// <summary>An empty family; collectors add its samples to <see cref="Samples"/>.</summary>
    public MetricFamily(MetricDescriptor descriptor)
    {
        Descriptor = descriptor;
        _samples = [];
    }

    /// <summary>
    /// A family whose samples are written straight from live state when the body is encoded (the
    /// meter bridge's instruments), so a scrape of many series allocates no sample objects.
    /// </summary>
    internal MetricFamily(MetricDescriptor descriptor, ILiveSamples live)
    {
        Descriptor = descriptor;
        Live = live;
    }

    /// <summary>Name, help, type and label names.</summary>
    public MetricDescriptor Descriptor { get; }

    /// <summary>
    /// The samples. For a live family they are read from its state the first time this is asked
    /// for; the encoder does not ask, it writes live families directly.
    /// </summary>
    public List<Sample> Samples
    {
        get
        {
            if (_samples is null)
            {
                Interlocked.CompareExchange(ref _samples, [.. Live!.Snapshot(Descriptor.LabelNames)], null);
            }

            return _samples;
        }
    }

    internal ILiveSamples? Live { get; }

    /// <summary>True when there is nothing to write for this family.</summary>
    internal bool IsEmpty => Live?.IsEmpty ?? _samples!.Count == 0;
}
