using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Exporter.TestSupport;

namespace Exporter.Core.Tests.Linux;

/// <summary>The fixture tree as <see cref="HostPaths"/>, and what a collector emits, flattened for assertions.</summary>
internal static class Fixtures
{
    public static string Root { get; } = RepoPaths.Combine("tests", "Exporter.Core.Tests", "fixtures");

    public static HostPaths Paths { get; } = new(Path.Join(Root, "proc"), Path.Join(Root, "sys"), Path.Join(Root, "rootfs"));

    /// <summary>"name{labelValue1,labelValue2}" → value; "name" alone for a family without labels.</summary>
    public static async Task<Dictionary<string, double>> CollectAsync(ICollector collector) =>
        (await RunAsync(collector)).Families
            .SelectMany(f => f.Samples.Select(s => (Key: Key(f.Descriptor, s.LabelValues), s.Value)))
            .ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);

    /// <summary>Family name → (label values joined by '|') → value.</summary>
    public static async Task<Dictionary<string, Dictionary<string, double>>> CollectByFamilyAsync(ICollector collector) =>
        (await RunAsync(collector)).Families.ToDictionary(
            f => f.Descriptor.Name,
            f => f.Samples.ToDictionary(s => string.Join('|', s.LabelValues), s => s.Value));

    private static async Task<MetricSink> RunAsync(ICollector collector)
    {
        var sink = new MetricSink();
        await collector.CollectAsync(sink, CancellationToken.None);
        return sink;
    }

    private static string Key(MetricDescriptor descriptor, IReadOnlyList<string> labelValues) =>
        descriptor.LabelNames.Count == 0 ? descriptor.Name : $"{descriptor.Name}{{{string.Join(',', labelValues)}}}";
}
