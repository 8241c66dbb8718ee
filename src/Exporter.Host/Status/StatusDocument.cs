namespace Exporter.Host.Status;

/// <summary>
/// What /api/v1/status answers and the page at / shows: one collection, read by metric name, with
/// rates against the collection before it and the recent history of the headline figures.
/// Documented in docs/status-page.md; its schema is docs/status-api.schema.json.
/// </summary>
/// <param name="Version">The document's version: 1. Fields may be added within a version, never removed or changed.</param>
/// <param name="SampledAt">When the collection shown was taken.</param>
/// <param name="RefreshSeconds">How often the page refreshes and, while it is viewed, a collection is taken.</param>
/// <param name="Containers">Null when the docker collector is not enabled.</param>
internal sealed record StatusDocument(
    int Version,
    DateTimeOffset SampledAt,
    double RefreshSeconds,
    HostStatus Host,
    ContainersStatus? Containers,
    IReadOnlyList<DatabaseStatus> Databases,
    IReadOnlyList<CollectorStatus> Collectors,
    StatusHistory History)
{
    public const int CurrentVersion = 1;
}

/// <summary>One enabled collector in this collection: whether it succeeded, how long it took, why it failed.</summary>
internal sealed record CollectorStatus(string Name, bool Ok, double DurationSeconds, string? Error);

/// <summary>
/// The headline figures over the last <see cref="WindowSeconds"/>, one entry per collection, oldest
/// first; every list has as many entries as <see cref="Times"/> (null where a figure was unknown).
/// </summary>
/// <param name="Times">Unix time in seconds of each collection.</param>
internal sealed record StatusHistory(
    double WindowSeconds,
    IReadOnlyList<double> Times,
    IReadOnlyList<double?> CpuBusyPercent,
    IReadOnlyList<double?> Load1,
    IReadOnlyList<double?> MemoryUsedPercent,
    IReadOnlyList<double?> SwapUsedPercent,
    IReadOnlyList<double?> DiskBytesPerSecond,
    IReadOnlyList<double?> NetworkBytesPerSecond)
{
    public static StatusHistory Empty(double windowSeconds) => new(windowSeconds, [], [], [], [], [], [], []);
}

/// <summary>The body of a 400 answer.</summary>
internal sealed record StatusError(string Error);
