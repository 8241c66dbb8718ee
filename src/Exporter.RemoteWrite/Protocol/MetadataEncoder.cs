using Exporter.Core.Exposition;

namespace Exporter.RemoteWrite.Protocol;

/// <summary>
/// The <c>metadata</c> field (3) of a WriteRequest: one MetricMetadata { type = 1; metric_family_name = 2;
/// help = 4; unit = 5 } per family, as Prometheus' sender sends it (prometheus/prompb/types.proto).
/// </summary>
internal static class MetadataEncoder
{
    private const int MetadataField = 3;

    // OpenMetrics' base units; a family whose name ends with one (before _total) has that unit.
    private static readonly string[] Units = ["seconds", "bytes", "celsius", "ratio", "joules", "volts", "amperes", "hertz", "meters", "grams", "watts"];

    /// <summary>Appends the metadata of the families that have samples.</summary>
    public static void Write(ByteBuffer output, IReadOnlyList<MetricFamily> families)
    {
        foreach (var family in families)
        {
            if (family.Samples.Count == 0)
            {
                continue;
            }

            var descriptor = family.Descriptor;
            var type = TypeNumber(descriptor.Type);
            var unit = Unit(descriptor.Name, descriptor.Type);
            var size = 2 + Protobuf.StringFieldSize(descriptor.Name) + Protobuf.StringFieldSize(descriptor.Help)
                + (unit.Length > 0 ? Protobuf.StringFieldSize(unit) : 0);
            Protobuf.WriteLengthPrefix(output, MetadataField, size);
            output.WriteByte(Protobuf.Tag(1, Protobuf.WireVarint));
            output.WriteByte((byte)type);
            Protobuf.WriteString(output, 2, descriptor.Name);
            Protobuf.WriteString(output, 4, descriptor.Help);
            if (unit.Length > 0)
            {
                Protobuf.WriteString(output, 5, unit);
            }
        }
    }

    /// <summary>MetricMetadata.MetricType: UNKNOWN 0, COUNTER 1, GAUGE 2, HISTOGRAM 3, SUMMARY 5.</summary>
    internal static int TypeNumber(MetricType type) => type switch
    {
        MetricType.Counter => 1,

        // An info metric is exposed as a gauge in the text format, which is how receivers know it.
        MetricType.Gauge or MetricType.Info => 2,
        MetricType.Histogram => 3,
        MetricType.Summary => 5,
        _ => 0,
    };

    internal static string Unit(string name, MetricType type)
    {
        var stem = type == MetricType.Counter && name.EndsWith("_total", StringComparison.Ordinal) ? name[..^6] : name;
        foreach (var unit in Units)
        {
            if (stem.EndsWith(unit, StringComparison.Ordinal) && stem.Length > unit.Length && stem[^(unit.Length + 1)] == '_')
            {
                return unit;
            }
        }

        return string.Empty;
    }
}
