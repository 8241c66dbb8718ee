namespace Exporter.Core.Linux;

/// <summary>
/// Settings of the netdev collector: node_exporter's --collector.netdev.device-include / device-exclude,
/// bound from Exporter:netdev. By default every device is reported (node_exporter 1.5.0 has no default
/// exclusion; Debian's package adds ^lo$).
/// </summary>
public sealed class NetDevOptions
{
    /// <summary>--collector.netdev.device-exclude: leave out devices matching this.</summary>
    public string? DeviceExclude { get; set; }

    /// <summary>--collector.netdev.device-include: report only devices matching this.</summary>
    public string? DeviceInclude { get; set; }

    /// <summary>--collector.netdev.device-blacklist: node_exporter's deprecated name of <see cref="DeviceExclude"/>.</summary>
    public string? DeviceBlacklist { get; set; }

    /// <summary>--collector.netdev.device-whitelist: node_exporter's deprecated name of <see cref="DeviceInclude"/>.</summary>
    public string? DeviceWhitelist { get; set; }

    internal string? EffectiveDeviceExclude => DeviceExclude ?? DeviceBlacklist;

    internal string? EffectiveDeviceInclude => DeviceInclude ?? DeviceWhitelist;

    internal IEnumerable<string> Errors()
    {
        if (DeviceExclude is not null && DeviceBlacklist is not null)
        {
            yield return "--collector.netdev.device-blacklist and --collector.netdev.device-exclude are mutually exclusive";
        }

        if (DeviceInclude is not null && DeviceWhitelist is not null)
        {
            yield return "--collector.netdev.device-whitelist and --collector.netdev.device-include are mutually exclusive";
        }

        foreach (var error in DeviceFilter.Errors("netdev", EffectiveDeviceExclude, EffectiveDeviceInclude))
        {
            yield return error;
        }
    }
}
