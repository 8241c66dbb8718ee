namespace Exporter.Core.Linux;

/// <summary>Settings of the netclass collector (--collector.netclass.*).</summary>
public sealed class NetClassOptions
{
    /// <summary>Regular expression of devices to leave out; node_exporter's default "^$" leaves out none.</summary>
    public string IgnoredDevices { get; set; } = "^$";

    /// <summary>Leave out node_network_speed_bytes for devices reporting an invalid (negative) speed.</summary>
    public bool IgnoreInvalidSpeed { get; set; }

    internal IEnumerable<string> Errors() => FlagRegex.CheckRequired(IgnoredDevices, "collector.netclass.ignored-devices");
}
