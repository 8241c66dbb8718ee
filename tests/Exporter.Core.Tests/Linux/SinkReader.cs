using Exporter.Core.Exposition;

namespace Exporter.Core.Tests.Linux;

/// <summary>What a collector put into a sink, as "name{v1,v2}" → value, for assertions.</summary>
internal static class SinkReader
{
    public static Dictionary<string, double> Series(this MetricSink sink) =>
        sink.Families
            .SelectMany(f => f.Samples.Select(s => (Key: $"{f.Descriptor.Name}{{{string.Join(',', s.LabelValues)}}}", s.Value)))
            .ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
}
