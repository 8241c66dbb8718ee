using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// node_network_{receive,transmit}_*_total from /proc/net/dev, as node_exporter 1.5. Its netlink
/// reader reports the same sums under the same names (its "legacy" mapping of rtnl_link_stats64
/// follows dev_seq_printf_stats) plus rx_nohandler, which /proc/net/dev lacks; that one is read
/// from sysfs (class/net/DEV/statistics/rx_nohandler, kernel 4.6+) when the device is there.
/// </summary>
internal sealed class NetDevCollector(HostPaths paths, NetDevOptions options) : IInlineCollector
{
    private static readonly MetricDescriptor[] Counters = [.. NetDevParser.Fields.Select(Counter)];
    private static readonly MetricDescriptor NoHandler = Counter("receive_nohandler");

    private readonly DeviceFilter _filter = new(options.EffectiveDeviceExclude, options.EffectiveDeviceInclude);

    public string Name => "netdev";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var text = ProcFile.TryRead(paths.Proc("net", "dev"));
        if (text is null)
        {
            return Task.CompletedTask;
        }

        foreach (var device in NetDevParser.Parse(text).Where(d => !_filter.Ignored(d.Device)).OrderBy(d => d.Device, StringComparer.Ordinal))
        {
            for (var i = 0; i < Counters.Length; i++)
            {
                sink.Add(Counters[i], device.Values[i], device.Device);
            }

            sink.AddIfPresent(NoHandler, ProcFile.TryReadNumber(paths.Sys("class", "net", device.Device, "statistics", "rx_nohandler")), device.Device);
        }

        return Task.CompletedTask;
    }

    private static MetricDescriptor Counter(string field) =>
        new($"node_network_{field}_total", $"Network device statistic {field}.", MetricType.Counter, "device");
}
