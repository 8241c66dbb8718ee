using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>node_udp_queues{ip,queue}: bytes queued in UDP sockets, from /proc/net/udp and /proc/net/udp6.</summary>
public sealed class UdpQueuesCollector(HostPaths paths) : ICollector
{
    private static readonly MetricDescriptor Queues = new(
        "node_udp_queues", "Number of allocated memory in the kernel for UDP datagrams in bytes.", MetricType.Gauge, "ip", "queue");

    public string Name => "udp_queues";

    public async Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        await AddAsync(sink, "udp", "v4", cancellationToken);
        await AddAsync(sink, "udp6", "v6", cancellationToken);
    }

    private async Task AddAsync(MetricSink sink, string file, string ip, CancellationToken cancellationToken)
    {
        // No file: that IP version is disabled or not built in.
        if (await ProcFile.TryReadAsync(paths.Proc("net", file), cancellationToken) is { } text)
        {
            var (tx, rx) = UdpQueuesParser.Parse(text);
            sink.Add(Queues, rx, ip, "rx");
            sink.Add(Queues, tx, ip, "tx");
        }
    }
}
