using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Microsoft.Extensions.Logging;

namespace Exporter.Core.Linux;

/// <summary>
/// node_filesystem_* from the mount table of PID 1 and statvfs(3) on each mount point, as
/// node_exporter 1.5's filesystem collector. Each statvfs runs on its own with a timeout: a hung
/// mount (a dead NFS server) is reported with device_error 1 instead of stalling the collector, and
/// is not stat'ed again until its earlier call has returned.
/// </summary>
internal sealed class FilesystemCollector : ICollector
{
    internal static readonly string[] Labels = ["device", "fstype", "mountpoint"];
    internal static readonly MetricDescriptor Size = new("node_filesystem_size_bytes", "Filesystem size in bytes.", MetricType.Gauge, Labels);
    internal static readonly MetricDescriptor Free = new("node_filesystem_free_bytes", "Filesystem free space in bytes.", MetricType.Gauge, Labels);
    internal static readonly MetricDescriptor Avail = new("node_filesystem_avail_bytes", "Filesystem space available to non-root users in bytes.", MetricType.Gauge, Labels);
    private static readonly MetricDescriptor Files = new("node_filesystem_files", "Filesystem total file nodes.", MetricType.Gauge, Labels);
    private static readonly MetricDescriptor FilesFree = new("node_filesystem_files_free", "Filesystem total free file nodes.", MetricType.Gauge, Labels);
    private static readonly MetricDescriptor ReadOnly = new("node_filesystem_readonly", "Filesystem read-only status.", MetricType.Gauge, Labels);
    private static readonly MetricDescriptor DeviceError = new(
        "node_filesystem_device_error", "Whether an error occurred while getting statistics for the given device.", MetricType.Gauge, Labels);

    private readonly HostPaths _paths;
    private readonly Regex? _mountPointsExclude;
    private readonly Regex? _fsTypesExclude;
    private readonly TimeSpan _mountTimeout;
    private readonly ILogger _logger;
    private readonly Func<string, (FileSystemStats Stats, int Errno)> _stat;

    // statvfs calls by path that have not returned yet; one that outlives its scrape is "stuck".
    private readonly ConcurrentDictionary<string, Task<(FileSystemStats Stats, int Errno)>> _inFlight = new(StringComparer.Ordinal);

    public FilesystemCollector(HostPaths paths, FilesystemOptions options, TimeSpan collectorTimeout, ILogger logger)
        : this(paths, options, collectorTimeout, logger, StatFs.Get)
    {
    }

    /// <summary>With another statvfs, e.g. one that hangs, for tests.</summary>
    internal FilesystemCollector(
        HostPaths paths, FilesystemOptions options, TimeSpan collectorTimeout, ILogger logger, Func<string, (FileSystemStats Stats, int Errno)> stat)
    {
        _stat = stat;
        _paths = paths;
        _mountPointsExclude = FlagRegex.CreateOptional(options.EffectiveMountPointsExclude);
        _fsTypesExclude = FlagRegex.CreateOptional(options.EffectiveFsTypesExclude);

        // Leave the collector time to report the stuck mount before its own timeout fires.
        _mountTimeout = TimeSpan.FromTicks(Math.Min(options.MountTimeout.Ticks, collectorTimeout.Ticks * 4 / 5));
        _logger = logger;
    }

    public string Name => "filesystem";

    /// <summary>How long a scrape waits for statvfs on a mount.</summary>
    internal TimeSpan MountTimeout => _mountTimeout;

    /// <summary>statvfs calls that have not returned yet.</summary>
    internal int StuckCount => _inFlight.Count;

    public async Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        // PID 1's mounts are the host's when procfs is the host's; /proc/mounts (our own mount
        // namespace) is the fallback when hidepid hides PID 1.
        var text = await ProcFile.TryReadAsync(_paths.Proc("1", "mounts"), cancellationToken)
            ?? await ProcFile.TryReadAsync(_paths.Proc("mounts"), cancellationToken);
        if (text is null)
        {
            return;
        }

        var work = new List<(MountEntry Mount, string MountPoint, Task<(FileSystemStats Stats, int Errno)>? Stat)>();
        var seen = new HashSet<(string, string, string)>();
        foreach (var mount in MountsParser.Parse(text))
        {
            var mountPoint = _paths.StripRoot(mount.MountPoint);
            if (_mountPointsExclude?.IsMatch(mountPoint) == true || _fsTypesExclude?.IsMatch(mount.FsType) == true
                || !seen.Add((mount.Device, mount.FsType, mountPoint)))
            {
                continue;
            }

            work.Add((mount, mountPoint, StartStat(_paths.Root(mountPoint))));
        }

        try
        {
            await Task.WhenAll(work.Where(w => w.Stat is not null).Select(w => w.Stat!)).WaitAsync(_mountTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The ones still running are reported below.
        }

        // node_exporter's order: by label values.
        work.Sort((a, b) =>
        {
            var order = string.CompareOrdinal(a.Mount.Device, b.Mount.Device);
            order = order != 0 ? order : string.CompareOrdinal(a.Mount.FsType, b.Mount.FsType);
            return order != 0 ? order : string.CompareOrdinal(a.MountPoint, b.MountPoint);
        });
        foreach (var (mount, mountPoint, stat) in work)
        {
            if (!Succeeded(stat, mountPoint, out var stats))
            {
                sink.Add(DeviceError, 1, mount.Device, mount.FsType, mountPoint);
                continue;
            }

            sink.Add(DeviceError, 0, mount.Device, mount.FsType, mountPoint);
            sink.Add(Size, stats.SizeBytes, mount.Device, mount.FsType, mountPoint);
            sink.Add(Free, stats.FreeBytes, mount.Device, mount.FsType, mountPoint);
            sink.Add(Avail, stats.AvailBytes, mount.Device, mount.FsType, mountPoint);
            sink.Add(Files, stats.Files, mount.Device, mount.FsType, mountPoint);
            sink.Add(FilesFree, stats.FilesFree, mount.Device, mount.FsType, mountPoint);
            sink.Add(ReadOnly, mount.ReadOnly ? 1 : 0, mount.Device, mount.FsType, mountPoint);
        }
    }

    /// <summary>A new statvfs on the thread pool, or null while an earlier one on this path is still stuck.</summary>
    private Task<(FileSystemStats Stats, int Errno)>? StartStat(string path)
    {
        if (_inFlight.TryGetValue(path, out var earlier) && !earlier.IsCompleted)
        {
            return null;
        }

        var task = Task.Run(() => _stat(path));
        _inFlight[path] = task;
        _ = task.ContinueWith(t => _inFlight.TryRemove(new KeyValuePair<string, Task<(FileSystemStats, int)>>(path, t)), TaskScheduler.Default);
        return task;
    }

    private bool Succeeded(Task<(FileSystemStats Stats, int Errno)>? stat, string mountPoint, out FileSystemStats stats)
    {
        stats = default;
        if (stat is null)
        {
            FilesystemLog.StillStuck(_logger, mountPoint);
            return false;
        }

        if (!stat.IsCompleted)
        {
            FilesystemLog.StatTimedOut(_logger, mountPoint, _mountTimeout.TotalSeconds);
            return false;
        }

        var (result, errno) = stat.Result;
        if (errno != 0)
        {
            FilesystemLog.StatFailed(_logger, mountPoint, errno);
            return false;
        }

        stats = result;
        return true;
    }
}
