using Exporter.Core.Exposition;

namespace Exporter.Core.Collection;

/// <summary>What one collector produced in one collection, and how it went.</summary>
internal sealed record CollectorOutcome(string Name, MetricSink? Sink, TimeSpan Duration, string? Error)
{
    public bool Success => Error is null;
}
