namespace Exporter.Core.Linux;

/// <summary>What /sys/class/net/&lt;device&gt; says about one network device; null where the attribute was unreadable.</summary>
internal sealed record NetClassDevice(
    string Name,
    string Address,
    string Broadcast,
    string Duplex,
    string IfAlias,
    string OperState,
    long? AddrAssignType,
    long? Carrier,
    long? CarrierChanges,
    long? CarrierUpCount,
    long? CarrierDownCount,
    long? DevId,
    long? Dormant,
    long? Flags,
    long? IfIndex,
    long? IfLink,
    long? LinkMode,
    long? Mtu,
    long? NameAssignType,
    long? NetDevGroup,
    long? Speed,
    long? TxQueueLen,
    long? Type);

/// <summary>
/// Builds a <see cref="NetClassDevice"/> from the attribute files of one device
/// (Documentation/ABI/testing/sysfs-class-net). Attributes the kernel refuses to answer (carrier,
/// speed and duplex of a device that is down answer EINVAL) are simply absent from the input.
/// </summary>
internal static class NetClassParser
{
    /// <summary>The attribute files read for each device.</summary>
    public static IReadOnlyList<string> AttributeFiles { get; } =
    [
        "addr_assign_type", "address", "broadcast", "carrier", "carrier_changes", "carrier_down_count", "carrier_up_count",
        "dev_id", "dormant", "duplex", "flags", "ifalias", "ifindex", "iflink", "link_mode", "mtu", "name_assign_type",
        "netdev_group", "operstate", "speed", "tx_queue_len", "type",
    ];

    public static NetClassDevice Parse(string device, IReadOnlyDictionary<string, string> attributes)
    {
        string Text(string file) => attributes.TryGetValue(file, out var value) ? value.Trim() : string.Empty;
        long? Number(string file) =>
            attributes.TryGetValue(file, out var value) ? ProcValue.ParseInt64($"netclass {device}/{file}", value) : null;

        return new NetClassDevice(
            device,
            Text("address"),
            Text("broadcast"),
            Text("duplex"),
            Text("ifalias"),
            Text("operstate"),
            Number("addr_assign_type"),
            Number("carrier"),
            Number("carrier_changes"),
            Number("carrier_up_count"),
            Number("carrier_down_count"),
            Number("dev_id"),
            Number("dormant"),
            Number("flags"),
            Number("ifindex"),
            Number("iflink"),
            Number("link_mode"),
            Number("mtu"),
            Number("name_assign_type"),
            Number("netdev_group"),
            Number("speed"),
            Number("tx_queue_len"),
            Number("type"));
    }
}
