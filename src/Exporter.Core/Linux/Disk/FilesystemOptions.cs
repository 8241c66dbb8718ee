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

    /// <summary>
    /// --collector.filesystem.mount-points-exclude: mount points (as the host sees them) to leave out;
    /// null means node_exporter's default.
    /// </summary>
    public string? MountPointsExclude { get; set; }

    /// <summary>--collector.filesystem.fs-types-exclude: file system types to leave out; null means node_exporter's default.</summary>
    public string? FsTypesExclude { get; set; }

    /// <summary>--collector.filesystem.ignored-mount-points: node_exporter's deprecated name of <see cref="MountPointsExclude"/>.</summary>
    public string? IgnoredMountPoints { get; set; }

    /// <summary>--collector.filesystem.ignored-fs-types: node_exporter's deprecated name of <see cref="FsTypesExclude"/>.</summary>
    public string? IgnoredFsTypes { get; set; }

    /// <summary>
    /// --collector.filesystem.mount-timeout: how long one statvfs may take before the mount is
    /// reported with node_filesystem_device_error 1. The collector waits at most 80% of the collector
    /// timeout, so a stuck mount never fails the whole collector.
    /// </summary>
    public TimeSpan MountTimeout { get; set; } = DefaultMountTimeout;

    internal string EffectiveMountPointsExclude => MountPointsExclude ?? IgnoredMountPoints ?? DefaultMountPointsExclude;

    internal string EffectiveFsTypesExclude => FsTypesExclude ?? IgnoredFsTypes ?? DefaultFsTypesExclude;

    internal IEnumerable<string> Errors()
    {
        foreach (var (current, deprecated, name, oldName) in new[]
        {
            (MountPointsExclude, IgnoredMountPoints, "mount-points-exclude", "ignored-mount-points"),
            (FsTypesExclude, IgnoredFsTypes, "fs-types-exclude", "ignored-fs-types"),
        })
        {
            if (current is not null && deprecated is not null)
            {
                yield return $"--collector.filesystem.{oldName} and --collector.filesystem.{name} are mutually exclusive";
            }

            if (FlagRegex.Check(current ?? deprecated, $"collector.filesystem.{(current is null ? oldName : name)}") is { } error)
            {
                yield return error;
            }
        }

        if (MountTimeout <= TimeSpan.Zero)
        {
            yield return $"--collector.filesystem.mount-timeout must be positive, got {MountTimeout}";
        }
    }
}
