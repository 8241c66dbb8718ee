namespace Exporter.Core.Exposition;

/// <summary>
/// One series of a family: its label values (in the descriptor's label order) and its value. In a
/// histogram or summary family, <paramref name="Suffix"/> names the part ("_bucket", "_sum",
/// "_count", or "" for a quantile) and <paramref name="Bound"/> is the bucket's upper bound (le) or
/// the quantile, written as the last label.
/// </summary>
public readonly record struct Sample(string[] LabelValues, double Value, string Suffix = "", double? Bound = null);
