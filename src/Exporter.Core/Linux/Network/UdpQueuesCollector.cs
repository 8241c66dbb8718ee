using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>node_udp_queues{ip,queue}: bytes queued in UDP sockets, from /proc/net/udp and /proc/net/udp6.</summary>
internal sealed class UdpQueuesCollector(HostPaths paths) : IInlineCollector
{
    private static readonly MetricDescriptor Queues = new(
        "node_udp_queues", "Number of allocated memory in the kernel for UDP datagrams in bytes.", MetricType.Gauge, "ip", "queue");

    public string Name => "udp_queues";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        Add(sink, "udp", "v4");
        Add(sink, "udp6", "v6");

        return Task.CompletedTask;
    }

    private void Add(MetricSink sink, string file, string ip)
    {
        // No file: that IP version is disabled or not built in.
        if (ProcFile.TryRead(paths.Proc("net", file)) is { } text)
        {
            var (tx, rx) = UdpQueuesParser.Parse(text);
            sink.Add(Queues, rx, ip, "rx");
            sink.Add(Queues, tx, ip, "tx");
        }
    }
}
