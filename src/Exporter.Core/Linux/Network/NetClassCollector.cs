using System.Text.RegularExpressions;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// node_network_* properties of each device under /sys/class/net (up, carrier, mtu, speed, info...),
/// with node_exporter 1.5's names, labels and types.
/// </summary>
internal sealed class NetClassCollector(HostPaths paths, NetClassOptions options) : ICollector
{
    private static readonly MetricDescriptor Up = new("node_network_up", "Value is 1 if operstate is 'up', 0 otherwise.", MetricType.Gauge, "device");

    private static readonly MetricDescriptor Info = new(
        "node_network_info", "Non-numeric data from /sys/class/net/<iface>, value is always 1.", MetricType.Gauge,
        "address", "broadcast", "device", "duplex", "ifalias", "operstate");

    private static readonly MetricDescriptor AddressAssignType = Property("address_assign_type", MetricType.Gauge);
    private static readonly MetricDescriptor Carrier = Property("carrier", MetricType.Gauge);
    private static readonly MetricDescriptor CarrierChanges = Property("carrier_changes_total", MetricType.Counter);
    private static readonly MetricDescriptor CarrierUpChanges = Property("carrier_up_changes_total", MetricType.Counter);
    private static readonly MetricDescriptor CarrierDownChanges = Property("carrier_down_changes_total", MetricType.Counter);
    private static readonly MetricDescriptor DeviceId = Property("device_id", MetricType.Gauge);
    private static readonly MetricDescriptor Dormant = Property("dormant", MetricType.Gauge);
    private static readonly MetricDescriptor Flags = Property("flags", MetricType.Gauge);
    private static readonly MetricDescriptor IfaceId = Property("iface_id", MetricType.Gauge);
    private static readonly MetricDescriptor IfaceLink = Property("iface_link", MetricType.Gauge);
    private static readonly MetricDescriptor IfaceLinkMode = Property("iface_link_mode", MetricType.Gauge);
    private static readonly MetricDescriptor MtuBytes = Property("mtu_bytes", MetricType.Gauge);
    private static readonly MetricDescriptor NameAssignType = Property("name_assign_type", MetricType.Gauge);
    private static readonly MetricDescriptor NetDevGroup = Property("net_dev_group", MetricType.Gauge);
    private static readonly MetricDescriptor SpeedBytes = Property("speed_bytes", MetricType.Gauge);
    private static readonly MetricDescriptor TransmitQueueLength = Property("transmit_queue_length", MetricType.Gauge);
    private static readonly MetricDescriptor ProtocolType = Property("protocol_type", MetricType.Gauge);

    private readonly Regex _ignored = FlagRegex.Create(options.IgnoredDevices);
    private readonly bool _ignoreInvalidSpeed = options.IgnoreInvalidSpeed;

    public string Name => "netclass";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var root = paths.Sys("class", "net");
        if (!Directory.Exists(root))
        {
            return Task.CompletedTask;
        }

        // Devices are symlinks to directories; regular files such as bonding_masters are not devices.
        var devices = new DirectoryInfo(root).EnumerateFileSystemInfos()
            .Where(e => (e.Attributes & FileAttributes.Directory) != 0 || e.LinkTarget is not null)
            .Select(e => e.Name)
            .Where(name => !_ignored.IsMatch(name))
            .Order(StringComparer.Ordinal);

        foreach (var name in devices)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attributes = ReadAttributes(Path.Join(root, name));
            if (attributes is not null)
            {
                Add(sink, NetClassParser.Parse(name, attributes));
            }
        }

        return Task.CompletedTask;
    }

    private void Add(MetricSink sink, NetClassDevice d)
    {
        sink.Add(Up, d.OperState == "up" ? 1 : 0, d.Name);
        sink.Add(Info, 1, d.Address, d.Broadcast, d.Name, d.Duplex, d.IfAlias, d.OperState);
        sink.AddIfPresent(AddressAssignType, d.AddrAssignType, d.Name);
        sink.AddIfPresent(Carrier, d.Carrier, d.Name);
        sink.AddIfPresent(CarrierChanges, d.CarrierChanges, d.Name);
        sink.AddIfPresent(CarrierUpChanges, d.CarrierUpCount, d.Name);
        sink.AddIfPresent(CarrierDownChanges, d.CarrierDownCount, d.Name);
        sink.AddIfPresent(DeviceId, d.DevId, d.Name);
        sink.AddIfPresent(Dormant, d.Dormant, d.Name);
        sink.AddIfPresent(Flags, d.Flags, d.Name);
        sink.AddIfPresent(IfaceId, d.IfIndex, d.Name);
        sink.AddIfPresent(IfaceLink, d.IfLink, d.Name);
        sink.AddIfPresent(IfaceLinkMode, d.LinkMode, d.Name);
        sink.AddIfPresent(MtuBytes, d.Mtu, d.Name);
        sink.AddIfPresent(NameAssignType, d.NameAssignType, d.Name);
        sink.AddIfPresent(NetDevGroup, d.NetDevGroup, d.Name);

        // sysfs speed is in Mbit/s; -1 means unknown, which node_exporter 1.5 still exports
        // (as -125000) unless --collector.netclass.ignore-invalid-speed is set.
        if (d.Speed is { } speed && (speed >= 0 || !_ignoreInvalidSpeed))
        {
            sink.Add(SpeedBytes, speed * 1000 * 1000 / 8, d.Name);
        }

        sink.AddIfPresent(TransmitQueueLength, d.TxQueueLen, d.Name);
        sink.AddIfPresent(ProtocolType, d.Type, d.Name);
    }

    /// <summary>The device's readable attributes; null when the device went away meanwhile.</summary>
    private static Dictionary<string, string>? ReadAttributes(string directory)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in NetClassParser.AttributeFiles)
        {
            // carrier, speed and duplex of a device that is down answer EINVAL: no value now.
            if (ProcFile.TryReadAttribute(Path.Join(directory, file)) is { } value)
            {
                attributes[file] = value;
            }
        }

        return attributes.Count == 0 && !Directory.Exists(directory) ? null : attributes;
    }

    private static MetricDescriptor Property(string name, MetricType type) =>
        new("node_network_" + name, "Network device property: " + name, type, "device");
}
