using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Exporter.TestSupport;

namespace Exporter.Core.Tests.Linux;

/// <summary>
/// The fixture tree as <see cref="HostPaths"/>, and what a collector emits flattened to
/// "name{labelValue1,labelValue2}" → value ("name" alone for a family without labels).
/// </summary>
internal static class Fixtures
{
    public static string Root { get; } = RepoPaths.Combine("tests", "Exporter.Core.Tests", "fixtures");

    public static HostPaths Paths { get; } = new(Path.Join(Root, "proc"), Path.Join(Root, "sys"), Path.Join(Root, "rootfs"));

    public static async Task<Dictionary<string, double>> CollectAsync(ICollector collector)
    {
        var sink = new MetricSink();
        await collector.CollectAsync(sink, CancellationToken.None);
        return sink.Series();
    }

    public static Dictionary<string, double> Series(this MetricSink sink) =>
        sink.Families
            .SelectMany(f => f.Samples.Select(s => (Key: Key(f.Descriptor, s.LabelValues), s.Value)))
            .ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);

    private static string Key(MetricDescriptor descriptor, IReadOnlyList<string> labelValues) =>
        descriptor.LabelNames.Count == 0 ? descriptor.Name : $"{descriptor.Name}{{{string.Join(',', labelValues)}}}";
}
