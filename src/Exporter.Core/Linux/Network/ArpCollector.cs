using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>node_arp_entries{device} from /proc/net/arp (node_exporter's arp collector, on by default).</summary>
internal sealed class ArpCollector(HostPaths paths) : IInlineCollector
{
    private static readonly MetricDescriptor Entries = new("node_arp_entries", "ARP entries by device", MetricType.Gauge, "device");

    public string Name => "arp";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        if (ProcFile.TryRead(paths.Proc("net", "arp")) is not { } text)
        {
            return Task.CompletedTask;
        }

        foreach (var (device, count) in ArpParser.Parse(text))
        {
            sink.Add(Entries, count, device);
        }

        return Task.CompletedTask;
    }
}
