namespace Exporter.Core.Exposition;

/// <summary>Samples read from the text format, turned into rows of one descriptor.</summary>
internal static class TextSamples
{
    /// <summary>Every label name the samples use, sorted.</summary>
    public static string[] LabelNames(IEnumerable<TextSample> samples) =>
        [.. samples.SelectMany(s => s.Labels).Select(l => l.Key).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The sample as a row: its values in <paramref name="labelNames"/>' order, empty where it has none.</summary>
    public static Sample ToSample(TextSample sample, string[] labelNames)
    {
        var values = new string[labelNames.Length];
        for (var i = 0; i < labelNames.Length; i++)
        {
            values[i] = sample.Labels.FirstOrDefault(l => l.Key == labelNames[i]).Value ?? string.Empty;
        }

        return new Sample(values, sample.Value, sample.Suffix, sample.Bound);
    }
}
