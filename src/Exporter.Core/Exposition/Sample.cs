namespace Exporter.Core.Exposition;

/// <summary>One series of a family: its label values (in the descriptor's label order) and its value.</summary>
public readonly record struct Sample(string[] LabelValues, double Value);
