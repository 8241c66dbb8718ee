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
}
