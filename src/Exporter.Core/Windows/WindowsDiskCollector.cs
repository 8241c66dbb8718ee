using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Exporter.Core.Linux;

namespace Exporter.Core.Windows;

/// <summary>
/// node_disk_* per physical disk (device="PhysicalDrive0", ...) from IOCTL_DISK_PERFORMANCE on
/// \\.\PhysicalDriveN, the counters behind the PhysicalDisk performance object (see
/// <see cref="DiskCounters"/>). A disk whose driver keeps no counters (some virtual disks answer
/// ERROR_INVALID_FUNCTION or ERROR_NOT_SUPPORTED) is left out, as psutil leaves it out; any other
/// error fails the collector with the system's message.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsDiskCollector : ICollector
{
    // Disk numbers can have gaps (a removed USB disk), so every number up to this is tried; opening a
    // device that does not exist costs microseconds.
    private const int MaxDisks = 64;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, DiskHistory> _history = new(StringComparer.Ordinal);

    public string Name => "diskstats";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        for (var number = 0; number < MaxDisks; number++)
        {
            var device = "PhysicalDrive" + number.ToString(CultureInfo.InvariantCulture);
            if (Read(device) is not { } disk)
            {
                continue;
            }

            DiskTotals totals;
            lock (_lock)
            {
                (totals, _history[device]) = DiskCounters.Next(disk, _history.GetValueOrDefault(device));
            }

            sink.Add(DiskstatsCollector.ReadsCompleted, totals.ReadsCompleted, device);
            sink.Add(DiskstatsCollector.ReadBytes, totals.ReadBytes, device);
            sink.Add(DiskstatsCollector.ReadTime, totals.ReadSeconds, device);
            sink.Add(DiskstatsCollector.WritesCompleted, totals.WritesCompleted, device);
            sink.Add(DiskstatsCollector.WrittenBytes, totals.WrittenBytes, device);
            sink.Add(DiskstatsCollector.WriteTime, totals.WriteSeconds, device);
            sink.Add(DiskstatsCollector.IoNow, totals.IoNow, device);
            sink.Add(DiskstatsCollector.IoTime, totals.IoSeconds, device);
        }

        return Task.CompletedTask;
    }

    private static unsafe DiskPerformance? Read(string device)
    {
        using var handle = WindowsNative.OpenDevice(@"\\.\" + device);
        if (handle.IsInvalid)
        {
            var error = Marshal.GetLastPInvokeError();
            return error is WindowsNative.ErrorFileNotFound or WindowsNative.ErrorPathNotFound
                ? null
                : throw new Win32Exception(error, $@"cannot open \\.\{device}: {new Win32Exception(error).Message}");
        }

        var performance = default(DiskPerformance);
        if (!WindowsNative.DeviceIoControl(
                handle, WindowsNative.IoctlDiskPerformance, null, 0, &performance, (uint)Unsafe.SizeOf<DiskPerformance>(), out _, null))
        {
            var error = Marshal.GetLastPInvokeError();
            return error is WindowsNative.ErrorInvalidFunction or WindowsNative.ErrorNotSupported
                ? null
                : throw new Win32Exception(error, $@"IOCTL_DISK_PERFORMANCE on \\.\{device}: {new Win32Exception(error).Message}");
        }

        return performance;
    }
}
