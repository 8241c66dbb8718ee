using Exporter.Core.Collection;

namespace Exporter.Core.Self;

/// <summary>The exporter's own metrics: on by default, as every Prometheus client exports them.</summary>
internal static class SelfCollectors
{
    public static IReadOnlyList<CollectorRegistration> Registrations { get; } =
    [
        new("exporter", true, _ => new SelfMetricsCollector()),
    ];
}
