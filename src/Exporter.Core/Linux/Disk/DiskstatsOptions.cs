namespace Exporter.Core.Linux;

/// <summary>Settings of the diskstats collector: node_exporter's --collector.diskstats.* flags, bound from Exporter:diskstats.</summary>
public sealed class DiskstatsOptions
{
    /// <summary>node_exporter 1.5.0's default: RAM disks, loop devices, floppies and partitions.</summary>
    internal const string DefaultDeviceExclude = @"^(ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\d+n\d+p)\d+$";

    /// <summary>
    /// --collector.diskstats.device-exclude. Null means node_exporter's default, unless
    /// <see cref="DeviceInclude"/> is set; empty means no exclusion.
    /// </summary>
    public string? DeviceExclude { get; set; }

    /// <summary>--collector.diskstats.device-include: report only devices matching this.</summary>
    public string? DeviceInclude { get; set; }

    /// <summary>--collector.diskstats.ignored-devices: node_exporter's deprecated name of <see cref="DeviceExclude"/>.</summary>
    public string? IgnoredDevices { get; set; }

    /// <summary>The exclude pattern in effect.</summary>
    internal string? EffectiveDeviceExclude =>
        DeviceExclude ?? IgnoredDevices ?? (string.IsNullOrEmpty(DeviceInclude) ? DefaultDeviceExclude : null);

    internal IEnumerable<string> Errors()
    {
        if (DeviceExclude is not null && IgnoredDevices is not null)
        {
            yield return "--collector.diskstats.ignored-devices and --collector.diskstats.device-exclude are mutually exclusive";
        }

        foreach (var error in DeviceFilter.Errors("diskstats", DeviceExclude ?? IgnoredDevices, DeviceInclude))
        {
            yield return error;
        }
    }
}
