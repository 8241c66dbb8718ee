using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

internal static class SinkExtensions
{
    /// <summary>
    /// Adds the sample only when there is a value: a field this kernel does not print, or an
    /// attribute that cannot be read now, is left out of the scrape, as node_exporter leaves it out.
    /// </summary>
    public static void AddIfPresent(this MetricSink sink, MetricDescriptor descriptor, double? value, params ReadOnlySpan<string> labelValues)
    {
        if (value is { } v)
        {
            sink.Add(descriptor, v, labelValues);
        }
    }
}
