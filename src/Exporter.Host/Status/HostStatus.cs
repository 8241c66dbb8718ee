namespace Exporter.Host.Status;

/// <summary>
/// The host, from node_exporter's families. A figure is null when its collector is not enabled, or
/// (rates) when there is no earlier collection to compare with yet.
/// </summary>
/// <param name="Hostname">node_uname_info's nodename.</param>
internal sealed record HostStatus(
    string? Hostname,
    double? UptimeSeconds,
    CpuStatus Cpu,
    LoadStatus? Load,
    UsageStatus? Memory,
    UsageStatus? Swap,
    IReadOnlyList<FilesystemStatus> Filesystems,
    IReadOnlyList<DiskStatus> Disks,
    IReadOnlyList<NetworkStatus> Networks);

/// <summary>
/// Busy is everything but idle, as the "CPU Busy" panel of Node Exporter Full computes it
/// (1 - rate of idle); iowait is shown beside it.
/// </summary>
/// <param name="Cores">Logical CPUs, the cpu label values of node_cpu_seconds_total.</param>
internal sealed record CpuStatus(int Cores, double? BusyPercent, double? IowaitPercent, IReadOnlyList<CoreStatus> PerCore);

internal sealed record CoreStatus(string Cpu, double? BusyPercent);

internal sealed record LoadStatus(double Load1, double Load5, double Load15);

/// <summary>Memory (used = MemTotal - MemAvailable) or swap (used = SwapTotal - SwapFree).</summary>
internal sealed record UsageStatus(double TotalBytes, double UsedBytes, double? UsedPercent);

/// <summary>
/// One mount of the filesystem collector. Used percent is df's: used / (used + available), so
/// blocks reserved for root do not count as free.
/// </summary>
internal sealed record FilesystemStatus(
    string Mountpoint, string Device, string Fstype, double SizeBytes, double UsedBytes, double AvailBytes, double? UsedPercent, bool Readonly, bool Error);

internal sealed record DiskStatus(string Device, double? ReadBytesPerSecond, double? WriteBytesPerSecond);

internal sealed record NetworkStatus(string Device, double? ReceiveBytesPerSecond, double? TransmitBytesPerSecond);
