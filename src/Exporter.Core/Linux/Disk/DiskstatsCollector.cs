using System.Globalization;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// node_disk_* from /proc/diskstats, with node_disk_info and the udev properties node_exporter 1.5
/// reads from /run/udev/data (under the rootfs): filesystem, device-mapper and ATA details.
/// </summary>
internal sealed class DiskstatsCollector(HostPaths paths, DiskstatsOptions options) : IInlineCollector
{
    // Counters are in 512-byte sectors whatever the device's block size, times in milliseconds
    // (Documentation/admin-guide/iostats.rst).
    private const double SectorBytes = 512;
    private const double MillisecondsPerSecond = 1000;

    private static readonly string[] DeviceLabel = ["device"];

    // In /proc/diskstats order; each with the factor that turns the kernel's unit into the metric's.
    private static readonly (MetricDescriptor Descriptor, double Scale)[] Stats =
    [
        (Counter("reads_completed_total", "The total number of reads completed successfully."), 1),
        (Counter("reads_merged_total", "The total number of reads merged."), 1),
        (Counter("read_bytes_total", "The total number of bytes read successfully."), SectorBytes),
        (Counter("read_time_seconds_total", "The total number of seconds spent by all reads."), 1 / MillisecondsPerSecond),
        (Counter("writes_completed_total", "The total number of writes completed successfully."), 1),
        (Counter("writes_merged_total", "The number of writes merged."), 1),
        (Counter("written_bytes_total", "The total number of bytes written successfully."), SectorBytes),
        (Counter("write_time_seconds_total", "This is the total number of seconds spent by all writes."), 1 / MillisecondsPerSecond),
        (new MetricDescriptor("node_disk_io_now", "The number of I/Os currently in progress.", MetricType.Gauge, DeviceLabel), 1),
        (Counter("io_time_seconds_total", "Total seconds spent doing I/Os."), 1 / MillisecondsPerSecond),
        (Counter("io_time_weighted_seconds_total", "The weighted # of seconds spent doing I/Os."), 1 / MillisecondsPerSecond),
        (Counter("discards_completed_total", "The total number of discards completed successfully."), 1),
        (Counter("discards_merged_total", "The total number of discards merged."), 1),

        // node_exporter reports discarded sectors as they are, not in bytes.
        (Counter("discarded_sectors_total", "The total number of sectors discarded successfully."), 1),
        (Counter("discard_time_seconds_total", "This is the total number of seconds spent by all discards."), 1 / MillisecondsPerSecond),
        (Counter("flush_requests_total", "The total number of flush requests completed successfully"), 1),
        (Counter("flush_requests_time_seconds_total", "This is the total number of seconds spent by all flush requests."), 1 / MillisecondsPerSecond),
    ];

    // The families other systems' disk collectors report into (Windows); Stats is in /proc/diskstats order.
    internal static MetricDescriptor ReadsCompleted => Stats[0].Descriptor;

    internal static MetricDescriptor ReadBytes => Stats[2].Descriptor;

    internal static MetricDescriptor ReadTime => Stats[3].Descriptor;

    internal static MetricDescriptor WritesCompleted => Stats[4].Descriptor;

    internal static MetricDescriptor WrittenBytes => Stats[6].Descriptor;

    internal static MetricDescriptor WriteTime => Stats[7].Descriptor;

    internal static MetricDescriptor IoNow => Stats[8].Descriptor;

    internal static MetricDescriptor IoTime => Stats[9].Descriptor;

    private static readonly MetricDescriptor Info = new(
        "node_disk_info", "Info of /sys/block/<block_device>.", MetricType.Gauge,
        "device", "major", "minor", "model", "path", "revision", "serial", "wwn");

    private static readonly MetricDescriptor FilesystemInfo = new(
        "node_disk_filesystem_info", "Info about disk filesystem.", MetricType.Gauge, "device", "type", "usage", "uuid", "version");

    private static readonly MetricDescriptor DeviceMapperInfo = new(
        "node_disk_device_mapper_info", "Info about disk device mapper.", MetricType.Gauge,
        "device", "lv_layer", "lv_name", "name", "uuid", "vg_name");

    private static readonly (string Property, MetricDescriptor Descriptor)[] AtaStats =
    [
        ("ID_ATA_ROTATION_RATE_RPM", Gauge("ata_rotation_rate_rpm", "ATA disk rotation rate in RPMs (0 for SSDs).")),
        ("ID_ATA_WRITE_CACHE", Gauge("ata_write_cache", "ATA disk has a write cache.")),
        ("ID_ATA_WRITE_CACHE_ENABLED", Gauge("ata_write_cache_enabled", "ATA disk has its write cache enabled.")),
    ];

    private readonly DeviceFilter _filter = new(options.EffectiveDeviceExclude, options.DeviceInclude);

    public string Name => "diskstats";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var text = ProcFile.TryRead(paths.Proc("diskstats"));
        if (text is null)
        {
            return Task.CompletedTask;
        }

        foreach (var disk in DiskstatsParser.Parse(text).Where(d => !_filter.Ignored(d.Device)).OrderBy(d => d.Device, StringComparer.Ordinal))
        {
            var udev = ReadUdev(disk);
            sink.Add(Info, 1, disk.Device, disk.Major.ToString(CultureInfo.InvariantCulture), disk.Minor.ToString(CultureInfo.InvariantCulture),
                Get(udev, "ID_MODEL"), Get(udev, "ID_PATH"), Get(udev, "ID_REVISION"), Get(udev, "ID_SERIAL_SHORT"), Get(udev, "ID_WWN"));

            for (var i = 0; i < disk.Values.Count; i++)
            {
                sink.Add(Stats[i].Descriptor, disk.Values[i] * Stats[i].Scale, disk.Device);
            }

            AddUdevMetrics(sink, disk.Device, udev);
        }

        return Task.CompletedTask;
    }

    private static void AddUdevMetrics(MetricSink sink, string device, IReadOnlyDictionary<string, string> udev)
    {
        if (Get(udev, "ID_FS_TYPE") is { Length: > 0 } fsType)
        {
            sink.Add(FilesystemInfo, 1, device, fsType, Get(udev, "ID_FS_USAGE"), Get(udev, "ID_FS_UUID"), Get(udev, "ID_FS_VERSION"));
        }

        if (Get(udev, "DM_NAME") is { Length: > 0 } dmName)
        {
            sink.Add(DeviceMapperInfo, 1, device, Get(udev, "DM_LV_LAYER"), Get(udev, "DM_LV_NAME"), dmName, Get(udev, "DM_UUID"), Get(udev, "DM_VG_NAME"));
        }

        if (Get(udev, "ID_ATA").Length == 0)
        {
            return;
        }

        foreach (var (property, descriptor) in AtaStats)
        {
            if (udev.TryGetValue(property, out var text) && ProcValue.TryParseDouble(text, out var value))
            {
                sink.Add(descriptor, value, device);
            }
        }
    }

    // The udev database lives on the host's /run; without it (a container without /run/udev, a
    // system without udev) the info labels stay empty, as in node_exporter.
    private IReadOnlyDictionary<string, string> ReadUdev(DiskStats disk)
    {
        var path = paths.Root(Path.Join("/run/udev/data", $"b{disk.Major}:{disk.Minor}"));
        var text = ProcFile.TryRead(path);
        return text is null ? new Dictionary<string, string>() : UdevParser.Parse(text);
    }

    private static string Get(IReadOnlyDictionary<string, string> properties, string key) =>
        properties.TryGetValue(key, out var value) ? value : string.Empty;

    private static MetricDescriptor Counter(string name, string help) => new("node_disk_" + name, help, MetricType.Counter, DeviceLabel);

    private static MetricDescriptor Gauge(string name, string help) => new("node_disk_" + name, help, MetricType.Gauge, DeviceLabel);
}
