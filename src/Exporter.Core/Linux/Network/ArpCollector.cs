using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>node_arp_entries{device} from /proc/net/arp (node_exporter's arp collector, on by default).</summary>
public sealed class ArpCollector(HostPaths paths) : ICollector
{
    private static readonly MetricDescriptor Entries = new("node_arp_entries", "ARP entries by device", MetricType.Gauge, "device");

    public string Name => "arp";

    public async Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        if (await ProcFile.TryReadAsync(paths.Proc("net", "arp"), cancellationToken) is not { } text)
        {
            return;
        }

        foreach (var (device, count) in ArpParser.Parse(text))
        {
            sink.Add(Entries, count, device);
        }
    }
}
