using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>node_load1, node_load5, node_load15 from /proc/loadavg.</summary>
internal sealed class LoadavgCollector(HostPaths paths) : IInlineCollector
{
    private static readonly MetricDescriptor Load1 = new("node_load1", "1m load average.", MetricType.Gauge);
    private static readonly MetricDescriptor Load5 = new("node_load5", "5m load average.", MetricType.Gauge);
    private static readonly MetricDescriptor Load15 = new("node_load15", "15m load average.", MetricType.Gauge);

    public string Name => "loadavg";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var text = ProcFile.Read(paths.Proc("loadavg"));
        var (load1, load5, load15) = LoadavgParser.Parse(text);
        sink.Add(Load1, load1);
        sink.Add(Load5, load5);
        sink.Add(Load15, load15);

        return Task.CompletedTask;
    }
}
