using System.Text.Json.Serialization;

namespace Exporter.Docker;

// The few fields of the Docker Engine API answers the collector reads, named as the API names them
// (https://docs.docker.com/engine/api/v1.41/). Fields the engine leaves out stay null or 0.

/// <summary>GET /version.</summary>
public sealed record DockerVersion(
    [property: JsonPropertyName("Version")] string? Version,
    [property: JsonPropertyName("ApiVersion")] string? ApiVersion,
    [property: JsonPropertyName("MinAPIVersion")] string? MinApiVersion);

/// <summary>One entry of GET /containers/json?all=1.</summary>
public sealed record ContainerSummary(
    [property: JsonPropertyName("Id")] string Id,
    [property: JsonPropertyName("Names")] IReadOnlyList<string>? Names,
    [property: JsonPropertyName("Image")] string? Image,
    [property: JsonPropertyName("State")] string? State,
    [property: JsonPropertyName("Labels")] IReadOnlyDictionary<string, string>? Labels);

/// <summary>GET /containers/{id}/json.</summary>
public sealed record ContainerInspect(
    [property: JsonPropertyName("Id")] string Id,
    [property: JsonPropertyName("RestartCount")] long RestartCount,
    [property: JsonPropertyName("State")] ContainerInspectState? State,
    [property: JsonPropertyName("HostConfig")] ContainerHostConfig? HostConfig);

public sealed record ContainerInspectState(
    [property: JsonPropertyName("Status")] string? Status,
    [property: JsonPropertyName("ExitCode")] long ExitCode,
    [property: JsonPropertyName("StartedAt")] DateTimeOffset? StartedAt,
    [property: JsonPropertyName("Health")] ContainerHealth? Health);

public sealed record ContainerHealth([property: JsonPropertyName("Status")] string? Status);

/// <summary>Memory is the limit in bytes set with -m; 0 means none.</summary>
public sealed record ContainerHostConfig([property: JsonPropertyName("Memory")] long Memory);

/// <summary>GET /containers/{id}/stats?stream=false: one sample, cgroup v1 or v2.</summary>
public sealed record ContainerStats(
    [property: JsonPropertyName("pids_stats")] PidsStats? PidsStats,
    [property: JsonPropertyName("cpu_stats")] CpuStats? CpuStats,
    [property: JsonPropertyName("memory_stats")] MemoryStats? MemoryStats,
    [property: JsonPropertyName("blkio_stats")] BlkioStats? BlkioStats,
    [property: JsonPropertyName("networks")] IReadOnlyDictionary<string, NetworkStats>? Networks);

public sealed record PidsStats([property: JsonPropertyName("current")] ulong? Current);

/// <summary>CPU times in nanoseconds (the engine converts cgroup v1's USER_HZ ticks and v2's microseconds).</summary>
public sealed record CpuStats(
    [property: JsonPropertyName("cpu_usage")] CpuUsage? CpuUsage,
    [property: JsonPropertyName("throttling_data")] ThrottlingData? ThrottlingData);

public sealed record CpuUsage(
    [property: JsonPropertyName("total_usage")] ulong TotalUsage,
    [property: JsonPropertyName("usage_in_kernelmode")] ulong UsageInKernelmode,
    [property: JsonPropertyName("usage_in_usermode")] ulong UsageInUsermode);

public sealed record ThrottlingData(
    [property: JsonPropertyName("periods")] ulong Periods,
    [property: JsonPropertyName("throttled_periods")] ulong ThrottledPeriods,
    [property: JsonPropertyName("throttled_time")] ulong ThrottledTime);

/// <summary>usage and the raw memory.stat keys of the container's cgroup (v1 or v2 names).</summary>
public sealed record MemoryStats(
    [property: JsonPropertyName("usage")] ulong? Usage,
    [property: JsonPropertyName("stats")] IReadOnlyDictionary<string, ulong>? Stats);

public sealed record BlkioStats(
    [property: JsonPropertyName("io_service_bytes_recursive")] IReadOnlyList<BlkioEntry>? IoServiceBytesRecursive);

/// <summary>op is "Read"/"Write"/"Sync"/"Async"/"Total" on cgroup v1, "read"/"write" on v2.</summary>
public sealed record BlkioEntry(
    [property: JsonPropertyName("major")] ulong Major,
    [property: JsonPropertyName("minor")] ulong Minor,
    [property: JsonPropertyName("op")] string? Op,
    [property: JsonPropertyName("value")] ulong Value);

public sealed record NetworkStats(
    [property: JsonPropertyName("rx_bytes")] ulong RxBytes,
    [property: JsonPropertyName("rx_packets")] ulong RxPackets,
    [property: JsonPropertyName("rx_errors")] ulong RxErrors,
    [property: JsonPropertyName("rx_dropped")] ulong RxDropped,
    [property: JsonPropertyName("tx_bytes")] ulong TxBytes,
    [property: JsonPropertyName("tx_packets")] ulong TxPackets,
    [property: JsonPropertyName("tx_errors")] ulong TxErrors,
    [property: JsonPropertyName("tx_dropped")] ulong TxDropped);

/// <summary>The body of an error answer.</summary>
public sealed record DockerError([property: JsonPropertyName("message")] string? Message);

[JsonSerializable(typeof(DockerVersion))]
[JsonSerializable(typeof(List<ContainerSummary>))]
[JsonSerializable(typeof(ContainerInspect))]
[JsonSerializable(typeof(ContainerStats))]
[JsonSerializable(typeof(DockerError))]
internal sealed partial class DockerJsonContext : JsonSerializerContext;
