using System.Globalization;
using System.Text.RegularExpressions;

namespace Exporter.IntegrationTests.Docker;

/// <summary>One sample of a text exposition: name, labels, value.</summary>
public sealed record ScrapedSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>The samples of a /metrics answer (text format 0.0.4), to assert on values.</summary>
public sealed partial class Scraped(string text)
{
    public IReadOnlyList<ScrapedSample> Samples { get; } = Parse(text);

    public string Text { get; } = text;

    /// <summary>Samples of <paramref name="name"/> whose labels include every given name=value pair.</summary>
    public IEnumerable<ScrapedSample> All(string name, params (string Label, string Value)[] match) =>
        Samples.Where(s => s.Name == name && match.All(m => s.Labels.TryGetValue(m.Label, out var v) && v == m.Value));

    /// <summary>The value of the one sample that matches; fails when there is none or more than one.</summary>
    public double Value(string name, params (string Label, string Value)[] match)
    {
        var found = All(name, match).ToList();
        found.Should().ContainSingle($"one {name}{{{string.Join(",", match.Select(m => $"{m.Label}=\"{m.Value}\""))}}} is expected in the scrape");
        return found[0].Value;
    }

    private static List<ScrapedSample> Parse(string text)
    {
        var samples = new List<ScrapedSample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var match = Line().Match(line);
            match.Success.Should().BeTrue($"'{line}' is a sample line");
            var labels = Label().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups[1].Value, m => Regex.Unescape(m.Groups[2].Value), StringComparer.Ordinal);
            samples.Add(new ScrapedSample(match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }

        return samples;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$")]
    private static partial Regex Line();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
