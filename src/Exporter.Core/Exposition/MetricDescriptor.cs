using System.Text;
using System.Text.RegularExpressions;

namespace Exporter.Core.Exposition;

/// <summary>
/// Name, help, type and label names of one metric family. Build one per family when the collector
/// is constructed: everything the encoder writes for it, apart from label values and the value, is
/// encoded to UTF-8 here, once.
/// </summary>
public sealed partial class MetricDescriptor
{
    private static readonly byte[] LeLabel = "le=\""u8.ToArray();
    private static readonly byte[] QuantileLabel = "quantile=\""u8.ToArray();
    private byte[]? _openMetricsHeaderUtf8;

    /// <summary>
    /// A family named <paramref name="name"/> ([a-zA-Z_:][a-zA-Z0-9_:]*, counters ending in _total)
    /// with fixed label names; throws <see cref="ArgumentException"/> for invalid names.
    /// </summary>
    public MetricDescriptor(string name, string help, MetricType type, params string[] labelNames)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a valid metric name.", nameof(name));
        }

        foreach (var label in labelNames)
        {
            if (!LabelPattern().IsMatch(label) || label.StartsWith("__", StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{label}' is not a valid label name for {name}.", nameof(labelNames));
            }
        }

        Name = name;
        Help = help;
        Type = type;
        LabelNames = labelNames;

        NameUtf8 = Encoding.UTF8.GetBytes(name);
        LabelPrefixesUtf8 = new byte[labelNames.Length][];
        for (var i = 0; i < labelNames.Length; i++)
        {
            LabelPrefixesUtf8[i] = Encoding.UTF8.GetBytes((i == 0 ? "{" : "\",") + labelNames[i] + "=\"");
        }

        TextHeaderUtf8 = Encoding.UTF8.GetBytes(
            $"# HELP {name} {EscapeHelp(help, openMetrics: false)}\n# TYPE {name} {TextTypeName(type)}\n");
    }

    /// <summary>The family name, as samples are written (a counter's ends in _total).</summary>
    public string Name { get; }

    /// <summary>The HELP text.</summary>
    public string Help { get; }

    /// <summary>The metric type.</summary>
    public MetricType Type { get; }

    /// <summary>The label names, in the order samples give their values.</summary>
    public IReadOnlyList<string> LabelNames { get; }

    /// <summary>
    /// The unit (e.g. <c>seconds</c>, <c>bytes</c>), written as OpenMetrics' <c># UNIT</c> line when
    /// the family name ends with it, as OpenMetrics requires; null or empty for none.
    /// </summary>
    public string? Unit { get; init; }

    internal byte[] NameUtf8 { get; }

    /// <summary><c>{name="</c> for the first label, <c>",name="</c> for the others.</summary>
    internal byte[][] LabelPrefixesUtf8 { get; }

    internal byte[] TextHeaderUtf8 { get; }

    /// <summary>Built on first use: it depends on <see cref="Unit"/>, which is set after the constructor.</summary>
    internal byte[] OpenMetricsHeaderUtf8 => _openMetricsHeaderUtf8 ??= OpenMetricsHeader();

    /// <summary>The label a histogram's or summary's <see cref="Sample.Bound"/> is written as.</summary>
    internal byte[] BoundLabelUtf8 => Type == MetricType.Summary ? QuantileLabel : LeLabel;

    /// <summary>The family name.</summary>
    public override string ToString() => Name;

    // OpenMetrics 1.0 "Unit": a family with a unit must have a name ending in _<unit> (before any
    // _total); a unit the name does not end with is left out rather than making the family invalid.
    private byte[] OpenMetricsHeader()
    {
        var (omName, omType) = OpenMetricsFamily(Name, Type);
        var unit = !string.IsNullOrEmpty(Unit) && omName.EndsWith("_" + Unit, StringComparison.Ordinal)
            ? $"# UNIT {omName} {Unit}\n"
            : string.Empty;
        return Encoding.UTF8.GetBytes(
            $"# HELP {omName} {EscapeHelp(Help, openMetrics: true)}\n# TYPE {omName} {omType}\n{unit}");
    }

    private static string TextTypeName(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge or MetricType.Info => "gauge",
        MetricType.Histogram => "histogram",
        MetricType.Summary => "summary",
        _ => "untyped",
    };

    // OpenMetrics names a counter family without its "_total" suffix and an info family without
    // "_info". A counter that lacks the suffix (postgres_exporter's pg_stat_database_xact_commit)
    // is declared "unknown" instead of being renamed, so the stored series name is the same
    // whichever format Prometheus negotiates and existing dashboards keep working.
    private static (string Name, string Type) OpenMetricsFamily(string name, MetricType type) => type switch
    {
        MetricType.Counter when name.EndsWith("_total", StringComparison.Ordinal) => (name[..^6], "counter"),
        MetricType.Counter => (name, "unknown"),
        MetricType.Info when name.EndsWith("_info", StringComparison.Ordinal) => (name[..^5], "info"),
        MetricType.Gauge or MetricType.Info => (name, "gauge"),
        MetricType.Histogram => (name, "histogram"),
        MetricType.Summary => (name, "summary"),
        _ => (name, "unknown"),
    };

    // Text 0.0.4 escapes backslash and line feed in HELP; OpenMetrics also escapes the double quote.
    private static string EscapeHelp(string help, bool openMetrics)
    {
        var escaped = help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return openMetrics ? escaped.Replace("\"", "\\\"", StringComparison.Ordinal) : escaped;
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelPattern();
}
