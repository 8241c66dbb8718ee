using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>node_memory_*: every field of /proc/meminfo, as a gauge (node_exporter's "meminfo" collector).</summary>
public sealed class MeminfoCollector(HostPaths paths) : IInlineCollector
{
    // The field set depends on the kernel and its configuration.
    private readonly DescriptorCache _descriptors = new();

    public string Name => "meminfo";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var text = ProcFile.Read(paths.Proc("meminfo"));
        foreach (var (name, value) in MeminfoParser.Parse(text))
        {
            sink.Add(_descriptors.Get("node_memory_" + name, $"Memory information field {name}.", MetricType.Gauge), value);
        }

        return Task.CompletedTask;
    }
}
