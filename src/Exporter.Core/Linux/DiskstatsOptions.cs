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

        foreach (var error in DeviceFilterErrors("diskstats", DeviceExclude ?? IgnoredDevices, DeviceInclude))
        {
            yield return error;
        }
    }

    /// <summary>Both patterns valid, and not both given (node_exporter: "mutually exclusive").</summary>
    internal static IEnumerable<string> DeviceFilterErrors(string collector, string? exclude, string? include)
    {
        if (!string.IsNullOrEmpty(exclude) && !string.IsNullOrEmpty(include))
        {
            yield return $"--collector.{collector}.device-exclude and --collector.{collector}.device-include are mutually exclusive";
        }

        if (DeviceFilter.Check(exclude, $"collector.{collector}.device-exclude") is { } excludeError)
        {
            yield return excludeError;
        }

        if (DeviceFilter.Check(include, $"collector.{collector}.device-include") is { } includeError)
        {
            yield return includeError;
        }
    }
}
