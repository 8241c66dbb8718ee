namespace Exporter.Core.Exposition;

/// <summary>
/// One metric family read from the Prometheus text format: its name, its HELP text (null when the
/// input had no HELP line), its type (untyped unless a TYPE line said otherwise) and its samples in
/// input order.
/// </summary>
public sealed record TextFamily(string Name, string? Help, MetricType Type, IReadOnlyList<TextSample> Samples);

/// <summary>
/// One sample line: its labels in input order, its value and its timestamp in milliseconds since
/// the epoch when the line carried one. In a histogram or summary family, <paramref name="Suffix"/>
/// is the part of the family the line is ("_bucket", "_sum", "_count", or "" for a quantile) and
/// <paramref name="Bound"/> its le or quantile label, which is then not in <paramref name="Labels"/>.
/// </summary>
public sealed record TextSample(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, long? TimestampMs, string Suffix = "", double? Bound = null);
