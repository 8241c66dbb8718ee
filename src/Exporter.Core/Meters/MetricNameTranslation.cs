namespace Exporter.Core.Meters;

/// <summary>
/// How instrument and attribute names become Prometheus names (OpenTelemetry specification,
/// "Prometheus and OpenMetrics Compatibility", translation strategies).
/// </summary>
public enum MetricNameTranslation
{
    /// <summary>
    /// The specification's default: invalid characters become <c>_</c>, the unit is appended as a
    /// suffix (<c>_seconds</c>, <c>_bytes</c>), counters end in <c>_total</c>.
    /// <c>http.server.request.duration</c> (s) becomes <c>http_server_request_duration_seconds</c>.
    /// </summary>
    UnderscoreEscapingWithSuffixes,

    /// <summary>
    /// Invalid characters become <c>_</c>, nothing is appended: <c>http_server_request_duration</c>.
    /// Counters then lack <c>_total</c> and are declared <c>unknown</c> in OpenMetrics.
    /// </summary>
    UnderscoreEscapingWithoutSuffixes,

    /// <summary>
    /// The names prometheus-net's MeterAdapter gave: meter name and instrument name joined with
    /// <c>_</c>, lower case, every other character <c>_</c>, no unit, no <c>_total</c>, no scope
    /// labels (<c>microsoft_aspnetcore_hosting_http_server_request_duration</c>). For moving
    /// dashboards over; types are the true ones (prometheus-net exported counters as gauges).
    /// </summary>
    PrometheusNetCompatible,
}
