using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// node_sockstat_*: socket counts and memory from /proc/net/sockstat and /proc/net/sockstat6
/// (node_exporter's "sockstat" collector). node_sockstat_TCP_tw is the TIME_WAIT count.
/// </summary>
internal sealed class SockstatCollector(HostPaths paths) : IInlineCollector
{
    private static readonly MetricDescriptor SocketsUsed = new(
        "node_sockstat_sockets_used", "Number of IPv4 sockets in use.", MetricType.Gauge);

    // The keys node_exporter exports, in its order; others a newer kernel adds are left out.
    private static readonly string[] Keys = ["inuse", "orphan", "tw", "alloc", "mem", "memory"];

    private readonly DescriptorCache _descriptors = new();

    public string Name => "sockstat";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        // Either file is missing when its IP version is disabled in the kernel.
        var v4 = ProcFile.TryRead(paths.Proc("net", "sockstat"));
        var v6 = ProcFile.TryRead(paths.Proc("net", "sockstat6"));
        var lines4 = v4 is null ? [] : SockstatParser.Parse(v4);
        var lines6 = v6 is null ? [] : SockstatParser.Parse(v6);

        // "sockets: used" (only in sockstat) counts the sockets of every family: sock_inuse_get().
        if (lines4.FirstOrDefault(l => l.Protocol == "sockets") is { } sockets && Find(sockets, "used") is { } used)
        {
            sink.Add(SocketsUsed, used);
        }

        foreach (var line in lines4.Concat(lines6).Where(l => l.Protocol != "sockets"))
        {
            foreach (var key in Keys)
            {
                // node_exporter always reports inuse (0 when absent); the others only when printed.
                if ((Find(line, key) ?? (key == "inuse" ? 0 : null)) is { } value)
                {
                    sink.Add(Describe(line.Protocol, key), value);
                }
            }

            // TCP and UDP "mem" count pages (sk_memory_allocated); node_exporter adds the bytes.
            if (Find(line, "mem") is { } pages)
            {
                sink.Add(Describe(line.Protocol, "mem_bytes"), pages * Environment.SystemPageSize);
            }
        }

        return Task.CompletedTask;
    }

    private static double? Find(SockstatLine line, string key)
    {
        foreach (var (k, v) in line.Values)
        {
            if (k == key)
            {
                return v;
            }
        }

        return null;
    }

    private MetricDescriptor Describe(string protocol, string key) =>
        _descriptors.Get($"node_sockstat_{protocol}_{key}", $"Number of {protocol} sockets in state {key}.", MetricType.Gauge);
}
