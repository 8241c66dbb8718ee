using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>node_memory_*: every field of /proc/meminfo, as a gauge (node_exporter's "meminfo" collector).</summary>
internal sealed class MeminfoCollector(HostPaths paths) : IInlineCollector
{
    // The fields other systems' memory collectors report too (portable, Windows, macOS).
    internal static readonly MetricDescriptor MemTotal = Field("MemTotal_bytes");
    internal static readonly MetricDescriptor MemAvailable = Field("MemAvailable_bytes");
    internal static readonly MetricDescriptor MemFree = Field("MemFree_bytes");
    internal static readonly MetricDescriptor SwapTotal = Field("SwapTotal_bytes");
    internal static readonly MetricDescriptor SwapFree = Field("SwapFree_bytes");

    // The field set depends on the kernel and its configuration.
    private readonly DescriptorCache _descriptors = new();

    public string Name => "meminfo";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var text = ProcFile.Read(paths.Proc("meminfo"));
        foreach (var (name, value) in MeminfoParser.Parse(text))
        {
            sink.Add(_descriptors.Get("node_memory_" + name, Help(name), MetricType.Gauge), value);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The family of one meminfo field, e.g. "MemTotal_bytes" → node_memory_MemTotal_bytes, as the
    /// collectors of other systems report it under the same name and help.
    /// </summary>
    internal static MetricDescriptor Field(string name) => new("node_memory_" + name, Help(name), MetricType.Gauge);

    private static string Help(string name) => $"Memory information field {name}.";
}
