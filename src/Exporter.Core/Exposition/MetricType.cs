namespace Exporter.Core.Exposition;

/// <summary>The metric types this exporter emits.</summary>
public enum MetricType
{
    /// <summary>A cumulative value that only goes up (resets on restart).</summary>
    Counter,

    /// <summary>A value that can go up and down.</summary>
    Gauge,

    /// <summary>
    /// A gauge of constant value 1 whose labels carry the information (node_uname_info).
    /// Written as a gauge in the text format and as an info metric in OpenMetrics.
    /// </summary>
    Info,

    /// <summary>No type information ("untyped" in text 0.0.4, "unknown" in OpenMetrics).</summary>
    Untyped,

    /// <summary>
    /// Cumulative buckets (<c>_bucket</c> series with an <c>le</c> label), <c>_sum</c> and <c>_count</c>.
    /// Its samples are added with their part (see <see cref="Sample.Suffix"/>); only the textfile
    /// collector emits them, passing on what a file holds.
    /// </summary>
    Histogram,

    /// <summary>Quantiles (series with a <c>quantile</c> label), <c>_sum</c> and <c>_count</c>; see <see cref="Histogram"/>.</summary>
    Summary,
}
