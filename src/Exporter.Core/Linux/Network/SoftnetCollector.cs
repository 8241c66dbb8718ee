using System.Globalization;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// node_softnet_{processed,dropped,times_squeezed}_total{cpu} from /proc/net/softnet_stat. As in
/// node_exporter 1.5, the cpu label is the line number.
/// </summary>
internal sealed class SoftnetCollector(HostPaths paths) : IInlineCollector
{
    private static readonly MetricDescriptor Processed = new("node_softnet_processed_total", "Number of processed packets", MetricType.Counter, "cpu");
    private static readonly MetricDescriptor Dropped = new("node_softnet_dropped_total", "Number of dropped packets", MetricType.Counter, "cpu");
    private static readonly MetricDescriptor TimesSqueezed = new("node_softnet_times_squeezed_total", "Number of times processing packets ran out of quota", MetricType.Counter, "cpu");

    public string Name => "softnet";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var text = ProcFile.TryRead(paths.Proc("net", "softnet_stat"));
        if (text is null)
        {
            return Task.CompletedTask;
        }

        var cpus = SoftnetParser.Parse(text);
        for (var i = 0; i < cpus.Count; i++)
        {
            var cpu = i.ToString(CultureInfo.InvariantCulture);
            sink.Add(Processed, cpus[i].Processed, cpu);
            sink.Add(Dropped, cpus[i].Dropped, cpu);
            sink.Add(TimesSqueezed, cpus[i].TimesSqueezed, cpu);
        }

        return Task.CompletedTask;
    }
}
