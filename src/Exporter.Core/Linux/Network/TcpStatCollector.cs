using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// node_tcp_connection_states{state} from /proc/net/tcp and /proc/net/tcp6. node_exporter 1.5 asks
/// netlink (inet_diag) for the same sockets; the counts per state are the same. One difference:
/// for listening sockets inet_diag reports the accept queue's limit as tx queue where procfs
/// reports 0, so tx_queued_bytes can be lower here. Off by default, as in node_exporter.
/// </summary>
internal sealed class TcpStatCollector(HostPaths paths) : ICollector
{
    private static readonly MetricDescriptor States = new(
        "node_tcp_connection_states", "Number of connection states.", MetricType.Gauge, "state");

    public string Name => "tcpstat";

    public async Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var file in new[] { "tcp", "tcp6" })
        {
            if (await ProcFile.TryReadAsync(paths.Proc("net", file), cancellationToken) is { } text)
            {
                TcpStatParser.Parse(text, counts);
            }
        }

        foreach (var (state, value) in counts)
        {
            sink.Add(States, value, state);
        }
    }
}
