namespace Exporter.Core.Meters;

/// <summary>
/// Which <see cref="System.Diagnostics.Metrics.Meter"/>s are exported and how their instruments are
/// named (<c>Exporter:Meters</c> in configuration). With no settings, the built-in meters of .NET
/// and ASP.NET Core are exported with OpenTelemetry's Prometheus names.
/// </summary>
public sealed class MeterExportOptions
{
    internal const int DefaultMaxSeriesPerInstrument = 2000;

    /// <summary>
    /// Seconds: the default buckets of an instrument whose histogram advice gives none (ASP.NET Core's
    /// own "short" boundaries, which suit request durations).
    /// </summary>
    internal static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    /// <summary>
    /// Meters to export besides the built-in ones, by name; <c>*</c> matches any run of characters
    /// (<c>"MyCompany.*"</c>; <c>"*"</c> exports every meter).
    /// </summary>
    public IList<string> Include { get; set; } = [];

    /// <summary>Meters never exported, by name with <c>*</c> wildcards; wins over everything else.</summary>
    public IList<string> Exclude { get; set; } = [];

    /// <summary>
    /// Whether .NET's and ASP.NET Core's own meters are exported without being named:
    /// <c>System.Runtime</c>, <c>Microsoft.AspNetCore.Hosting</c>, <c>.Server.Kestrel</c>,
    /// <c>.Routing</c>, <c>.Diagnostics</c>, <c>.RateLimiting</c>, <c>.Authentication</c>,
    /// <c>.Authorization</c>, <c>System.Net.Http</c> and <c>System.Net.NameResolution</c>. Default true.
    /// </summary>
    public bool BuiltInMeters { get; set; } = true;

    /// <summary>How names are translated; default <see cref="MetricNameTranslation.UnderscoreEscapingWithSuffixes"/>.</summary>
    public MetricNameTranslation NameTranslation { get; set; } = MetricNameTranslation.UnderscoreEscapingWithSuffixes;

    /// <summary>
    /// Whether every series carries <c>otel_scope_name</c> (the meter's name) and, when the meter has
    /// one, <c>otel_scope_version</c>. Default true; ignored in the prometheus-net-compatible mode.
    /// </summary>
    public bool ScopeLabels { get; set; } = true;

    /// <summary>
    /// Resource attributes (e.g. <c>service.name</c>, <c>deployment.environment</c>). When any is set,
    /// they are exported once as the <c>target_info</c> info metric, as the specification describes.
    /// </summary>
    public IDictionary<string, string> Resource { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Most series one instrument keeps (default 2000). Measurements with a label set beyond it go into
    /// one series labelled <c>otel_metric_overflow="true"</c>, and
    /// <c>exporter_meter_overflow_measurements_total</c> counts them.
    /// </summary>
    public int MaxSeriesPerInstrument { get; set; } = DefaultMaxSeriesPerInstrument;

    /// <summary>
    /// Bucket upper bounds, in the instrument's unit, for histograms whose advice gives none. Default
    /// (null): 0.005 to 10, for durations in seconds.
    /// </summary>
    public IList<double>? DefaultHistogramBuckets { get; set; }

    /// <summary>Bucket upper bounds for one instrument, by instrument name; wins over the advice.</summary>
    public IDictionary<string, IList<double>> HistogramBuckets { get; set; } = new Dictionary<string, IList<double>>(StringComparer.Ordinal);

    /// <summary>
    /// Whether counters and histogram buckets carry the trace and span of the latest measurement made
    /// inside a recorded <see cref="System.Diagnostics.Activity"/> (OpenMetrics only). Default true.
    /// </summary>
    public bool Exemplars { get; set; } = true;
}
