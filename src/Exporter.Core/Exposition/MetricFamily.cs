namespace Exporter.Core.Exposition;

/// <summary>A descriptor with the samples collected for it in one scrape.</summary>
public sealed class MetricFamily(MetricDescriptor descriptor)
{
    public MetricDescriptor Descriptor { get; } = descriptor;

    public List<Sample> Samples { get; } = [];
}
