namespace Exporter.Host.Status;

/// <summary>The docker collector's containers; <see cref="EngineUp"/> is docker_up.</summary>
internal sealed record ContainersStatus(bool EngineUp, IReadOnlyList<ContainerStatus> List);

/// <summary>
/// One container, from cAdvisor's families. CPU percent is of one core (as <c>docker stats</c>
/// shows it: 200 is two cores busy); memory is the working set (usage less inactive file pages).
/// </summary>
/// <param name="Id">The first 12 hex digits, as docker ps shows it.</param>
/// <param name="MemoryLimitBytes">Null when the container has no limit.</param>
internal sealed record ContainerStatus(
    string Name,
    string Image,
    string Id,
    string State,
    string? Health,
    double? UptimeSeconds,
    double? CpuPercent,
    double? MemoryBytes,
    double? MemoryLimitBytes,
    double? MemoryPercent,
    double Restarts);
