using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Exporter.TestSupport;

namespace Exporter.Core.Tests.Linux;

/// <summary>The fixture tree as <see cref="HostPaths"/>, and what a collector emits, flattened for assertions.</summary>
internal static class Fixtures
{
    public static string Root { get; } = RepoPaths.Combine("tests", "Exporter.Core.Tests", "fixtures");

    public static HostPaths Paths { get; } = new(Path.Join(Root, "proc"), Path.Join(Root, "sys"), Path.Join(Root, "rootfs"));

    /// <summary>
    /// "name{labelValue1,labelValue2}" → value; "name" alone for a family without labels. A histogram's
    /// or summary's parts: "name_bucket{labelValue1,bound}", "name_sum{labelValue1}"...
    /// </summary>
    public static async Task<Dictionary<string, double>> CollectAsync(ICollector collector) =>
        (await RunAsync(collector)).Families
            .SelectMany(f => f.Samples.Select(s => (Key: Key(f.Descriptor, s), s.Value)))
            .ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);

    /// <summary>
    /// Family name → (label values joined by '|') → value; a histogram's or summary's parts add their
    /// suffix and "|bound" ("db_bucket|60", "db_sum").
    /// </summary>
    public static async Task<Dictionary<string, Dictionary<string, double>>> CollectByFamilyAsync(ICollector collector) =>
        (await RunAsync(collector)).Families.ToDictionary(
            f => f.Descriptor.Name,
            f => f.Samples.ToDictionary(
                s => string.Join('|', s.LabelValues) + s.Suffix + (s.Bound is { } b ? "|" + b.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty),
                s => s.Value));

    private static async Task<MetricSink> RunAsync(ICollector collector)
    {
        var sink = new MetricSink();
        await collector.CollectAsync(sink, CancellationToken.None);
        return sink;
    }

    private static string Key(MetricDescriptor descriptor, Sample sample)
    {
        string[] values = sample.Bound is { } bound
            ? [.. sample.LabelValues, bound.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            : sample.LabelValues;
        var name = descriptor.Name + sample.Suffix;
        return values.Length == 0 ? name : $"{name}{{{string.Join(',', values)}}}";
    }
}
