using Exporter.PrometheusNet;
using Prometheus;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Serves a prometheus-net registry's metrics on the exporter's endpoint.</summary>
public static class PrometheusNetMetricsBuilderExtensions
{
    /// <summary>The collector's name, for <c>--collector.NAME</c>, <c>collect[]=NAME</c> and <c>Collectors</c> settings.</summary>
    public const string CollectorName = "prometheus_net";

    /// <summary>
    /// Adds the metrics of a prometheus-net registry (by default <see cref="Metrics.DefaultRegistry"/>,
    /// where <c>Metrics.CreateCounter</c> and <c>UseHttpMetrics</c> put theirs) to every scrape,
    /// as the <c>prometheus_net</c> collector. Call <c>Metrics.SuppressDefaultMetrics()</c> at start-up
    /// too: this exporter already serves the process and .NET runtime metrics prometheus-net would
    /// add, under their OpenTelemetry names.
    /// </summary>
    public static PrometheusMetricsBuilder AddPrometheusNet(this PrometheusMetricsBuilder builder, CollectorRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCollector(CollectorName, _ => new PrometheusNetCollector(registry ?? Metrics.DefaultRegistry));
    }
}
