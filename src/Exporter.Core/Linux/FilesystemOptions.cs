namespace Exporter.Core.Linux;

/// <summary>
/// Settings of the filesystem collector: node_exporter's --collector.filesystem.* flags, bound from
/// Exporter:filesystem. An empty pattern excludes nothing.
/// </summary>
public sealed class FilesystemOptions
{
    /// <summary>node_exporter 1.5.0's default (collector/filesystem_linux.go).</summary>
    internal const string DefaultMountPointsExclude =
        "^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)";

    /// <summary>node_exporter 1.5.0's default: pseudo and read-only image file systems.</summary>
    internal const string DefaultFsTypesExclude =
        "^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs|iso9660|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|sysfs|tracefs)$";

    internal static readonly TimeSpan DefaultMountTimeout = TimeSpan.FromSeconds(5);

    /// <summary>--collector.filesystem.mount-points-exclude: mount points (as the host sees them) to leave out.</summary>
    public string MountPointsExclude { get; set; } = DefaultMountPointsExclude;

    /// <summary>--collector.filesystem.fs-types-exclude: file system types to leave out.</summary>
    public string FsTypesExclude { get; set; } = DefaultFsTypesExclude;

    /// <summary>
    /// --collector.filesystem.mount-timeout: how long one statvfs may take before the mount is
    /// reported with node_filesystem_device_error 1. The collector waits at most 80% of the collector
    /// timeout, so a stuck mount never fails the whole collector.
    /// </summary>
    public TimeSpan MountTimeout { get; set; } = DefaultMountTimeout;

    internal IEnumerable<string> Errors()
    {
        if (DeviceFilter.Check(MountPointsExclude, "collector.filesystem.mount-points-exclude") is { } mountPoints)
        {
            yield return mountPoints;
        }

        if (DeviceFilter.Check(FsTypesExclude, "collector.filesystem.fs-types-exclude") is { } fsTypes)
        {
            yield return fsTypes;
        }

        if (MountTimeout <= TimeSpan.Zero)
        {
            yield return $"--collector.filesystem.mount-timeout must be positive, got {MountTimeout}";
        }
    }
}
