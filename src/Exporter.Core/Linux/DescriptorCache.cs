using System.Collections.Concurrent;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// Descriptors for families whose names come from the data (node_memory_&lt;field&gt;,
/// node_vmstat_&lt;field&gt;, node_netstat_&lt;Protocol&gt;_&lt;Name&gt;, node_sockstat_&lt;PROTO&gt;_&lt;key&gt;,
/// node_hwmon_&lt;type&gt;_&lt;property&gt;): each is built the first time its name is seen and then
/// reused, so the encoder's per-descriptor work still happens once. The set of names is bounded
/// by what the kernel exposes (tens to a few hundred) and stable for the life of the process.
/// </summary>
internal sealed class DescriptorCache
{
    private readonly ConcurrentDictionary<string, MetricDescriptor> _descriptors = new(StringComparer.Ordinal);

    public MetricDescriptor Get(string name, string help, MetricType type, params string[] labelNames) =>
        _descriptors.TryGetValue(name, out var descriptor)
            ? descriptor
            : _descriptors.GetOrAdd(name, new MetricDescriptor(name, help, type, labelNames));
}
