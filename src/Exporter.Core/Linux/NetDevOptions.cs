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

    internal IEnumerable<string> Errors() => DiskstatsOptions.DeviceFilterErrors("netdev", DeviceExclude, DeviceInclude);
}
