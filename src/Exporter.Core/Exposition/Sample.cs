namespace Exporter.Core.Exposition;

/// <summary>
/// One series of a family: its label values (in the descriptor's label order) and its value. In a
/// histogram or summary family, <paramref name="Suffix"/> names the part ("_bucket", "_sum",
/// "_count", or "" for a quantile) and <paramref name="Bound"/> is the bucket's upper bound (le) or
/// the quantile, written as the last label.
/// </summary>
/// <param name="LabelValues">The label values, in the order of the descriptor's label names.</param>
/// <param name="Value">The sample's value (seconds, bytes, ... as the family's name says).</param>
/// <param name="Suffix">The histogram or summary part ("_bucket", "_sum", "_count"); "" otherwise.</param>
/// <param name="Bound">The bucket's upper bound (le) or the quantile; null for other samples.</param>
public readonly record struct Sample(string[] LabelValues, double Value, string Suffix = "", double? Bound = null);
