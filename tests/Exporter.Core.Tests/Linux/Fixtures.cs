using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Exporter.TestSupport;

namespace Exporter.Core.Tests.Linux;

/// <summary>Runs one collector against the fixture tree and flattens what it emits.</summary>
internal static class Fixtures
{
    private static readonly string Root = RepoPaths.Combine("tests", "Exporter.Core.Tests", "fixtures");

    public static HostPaths Paths { get; } = new(Path.Join(Root, "proc"), Path.Join(Root, "sys"), Path.Join(Root, "rootfs"));

    /// <summary>Samples keyed as they appear in the exposition: name{label="value",...}.</summary>
    public static async Task<Dictionary<string, double>> CollectAsync(ICollector collector)
    {
        var sink = new MetricSink();
        await collector.CollectAsync(sink, CancellationToken.None);
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var family in sink.Families)
        {
            foreach (var sample in family.Samples)
            {
                var labels = family.Descriptor.LabelNames.Select((name, i) => $"{name}=\"{sample.LabelValues[i]}\"");
                var key = family.Descriptor.LabelNames.Count == 0 ? family.Descriptor.Name : $"{family.Descriptor.Name}{{{string.Join(',', labels)}}}";
                samples.Add(key, sample.Value);
            }
        }

        return samples;
    }
}
