namespace Exporter.Core.Exposition;

/// <summary>
/// Where a collector puts its samples during one collection. Each collector gets its own sink, so a
/// collector that times out or fails can be dropped whole without touching what others produced.
/// </summary>
public sealed class MetricSink
{
    private readonly Dictionary<MetricDescriptor, MetricFamily> _families = new(ReferenceEqualityComparer.Instance);

    /// <summary>Families in the order their first sample arrived.</summary>
    public IEnumerable<MetricFamily> Families => _families.Values;

    /// <summary>Adds one sample; label values must match the descriptor's label names, in order.</summary>
    public void Add(MetricDescriptor descriptor, double value, params ReadOnlySpan<string> labelValues)
    {
        if (descriptor.Type is MetricType.Histogram or MetricType.Summary)
        {
            throw new ArgumentException($"{descriptor.Name} is a {descriptor.Type}: its samples need their part (bucket, quantile, sum, count).", nameof(descriptor));
        }

        Add(descriptor, new Sample(labelValues.ToArray(), value));
    }

    /// <summary>
    /// Adds a family read from the text format (another library's or exporter's output): its label
    /// names are those of all its samples, sorted; a label a sample lacks gets the empty value, which
    /// Prometheus treats as absent. HELP falls back to the name.
    /// </summary>
    public void Add(TextFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        var labelNames = TextSamples.LabelNames(family.Samples);
        var descriptor = new MetricDescriptor(family.Name, family.Help ?? family.Name, family.Type, labelNames);
        foreach (var sample in family.Samples)
        {
            Add(descriptor, TextSamples.ToSample(sample, labelNames));
        }
    }

    /// <summary>Adds a whole family, such as a live one written straight from its owner's state.</summary>
    internal void AddFamily(MetricFamily family) => _families[family.Descriptor] = family;

    /// <summary>Adds one sample of a histogram or summary family (or any sample whose label values are already an array).</summary>
    internal void Add(MetricDescriptor descriptor, Sample sample)
    {
        var labelValues = sample.LabelValues;
        if (labelValues.Length != descriptor.LabelNames.Count)
        {
            throw new ArgumentException(
                $"{descriptor.Name} takes {descriptor.LabelNames.Count} label values, got {labelValues.Length}.",
                nameof(sample));
        }

        if (!_families.TryGetValue(descriptor, out var family))
        {
            family = new MetricFamily(descriptor);
            _families.Add(descriptor, family);
        }

        family.Samples.Add(sample);
    }
}
