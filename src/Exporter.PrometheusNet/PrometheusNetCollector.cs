using Exporter.Core.Exposition;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace Exporter.PrometheusNet;

/// <summary>
/// The <c>prometheus_net</c> collector: what a prometheus-net registry holds (the app's
/// <c>Metrics.CreateCounter</c>... metrics, <c>UseHttpMetrics</c>' http_request_* ones), serialized
/// by prometheus-net itself and read back with the exporter's text parser, so every family keeps the
/// name, type, help and labels prometheus-net gave it.
/// </summary>
internal sealed class PrometheusNetCollector(CollectorRegistry registry) : Exporter.Core.Collection.ICollector
{
    public string Name => PrometheusNetMetricsBuilderExtensions.CollectorName;

    public async Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(buffer, cancellationToken).ConfigureAwait(false);
        var text = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        foreach (var family in TextFormatParser.Parse(text))
        {
            sink.Add(family);
        }
    }
}
