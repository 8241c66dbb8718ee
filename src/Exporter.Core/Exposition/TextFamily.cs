namespace Exporter.Core.Exposition;

/// <summary>
/// One metric family read from the Prometheus text format: its name, its HELP text (null when the
/// input had no HELP line), its type (untyped unless a TYPE line said otherwise) and its samples in
/// input order.
/// </summary>
/// <param name="Name">The family name, as its HELP and TYPE lines (or, without them, its samples) give it.</param>
/// <param name="Help">The HELP text, unescaped; null when there was no HELP line.</param>
/// <param name="Type">The TYPE line's type; <see cref="MetricType.Untyped"/> without one.</param>
/// <param name="Samples">The family's sample lines, in input order.</param>
public sealed record TextFamily(string Name, string? Help, MetricType Type, IReadOnlyList<TextSample> Samples);

/// <summary>
/// One sample line: its labels in input order, its value and its timestamp in milliseconds since
/// the epoch when the line carried one. In a histogram or summary family, <paramref name="Suffix"/>
/// is the part of the family the line is ("_bucket", "_sum", "_count", or "" for a quantile) and
/// <paramref name="Bound"/> its le or quantile label, which is then not in <paramref name="Labels"/>.
/// </summary>
/// <param name="Labels">Label names and values, unescaped, in input order (without le or quantile).</param>
/// <param name="Value">The sample's value.</param>
/// <param name="TimestampMs">The line's timestamp in milliseconds since the Unix epoch; null when it had none.</param>
/// <param name="Suffix">The histogram or summary part ("_bucket", "_sum", "_count"); "" otherwise.</param>
/// <param name="Bound">The le or quantile label's value; null for other samples.</param>
public sealed record TextSample(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, long? TimestampMs, string Suffix = "", double? Bound = null);
