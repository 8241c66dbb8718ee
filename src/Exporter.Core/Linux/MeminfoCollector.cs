using System.Collections.Concurrent;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>node_memory_*: every field of /proc/meminfo, as a gauge (node_exporter's "meminfo" collector).</summary>
public sealed class MeminfoCollector(HostPaths paths) : ICollector
{
    // The field set depends on the kernel and its configuration, so descriptors are made on first
    // sight and kept: the set is small (about 60) and stable for the life of the process.
    private readonly ConcurrentDictionary<string, MetricDescriptor> _descriptors = new(StringComparer.Ordinal);

    public string Name => "meminfo";

    public async Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(paths.Proc("meminfo"), cancellationToken);
        foreach (var (name, value) in MeminfoParser.Parse(text))
        {
            sink.Add(_descriptors.GetOrAdd(name, Describe), value);
        }
    }

    private static MetricDescriptor Describe(string field) =>
        new("node_memory_" + field, $"Memory information field {field}.", MetricType.Gauge);
}
