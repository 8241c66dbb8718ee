using System.Globalization;
using System.Text.RegularExpressions;

namespace Exporter.IntegrationTests.Databases;

/// <summary>Series of a text exposition, for assertions: name, labels, value.</summary>
public sealed partial record Series(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public static List<Series> Parse(string exposition) =>
    [
        .. exposition.Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line =>
            {
                var space = line.LastIndexOf(' ');
                var key = line[..space];
                var brace = key.IndexOf('{', StringComparison.Ordinal);
                var labels = brace < 0
                    ? new Dictionary<string, string>()
                    : LabelPair().Matches(key[brace..]).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
                return new Series(brace < 0 ? key : key[..brace], labels, double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture));
            }),
    ];

    /// <summary>
    /// Scrapes until <paramref name="done"/> holds or 60 s have passed (generous: on a busy machine a
    /// replica's first sync or a server's restart can take a while), and returns the last scrape. A
    /// predicate that throws (an assertion such as <see cref="SeriesExtensions.Value"/> finding no
    /// series yet) means "not yet"; at the deadline it runs once more, uncaught, so its own message
    /// says what was missing.
    /// </summary>
    public static async Task<List<Series>> ScrapeUntilAsync(Func<Task<string>> scrape, Func<List<Series>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var metrics = Parse(await scrape());
            var last = DateTime.UtcNow > deadline;
            try
            {
                if (done(metrics))
                {
                    return metrics;
                }
            }
            catch (Exception) when (!last)
            {
            }

            if (last)
            {
                return metrics;
            }

            await Task.Delay(300);
        }
    }

    [GeneratedRegex("""(\w+)="((?:[^"\\]|\\.)*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex LabelPair();
}

public static class SeriesExtensions
{
    /// <summary>The one series named <paramref name="name"/> that has all the given labels.</summary>
    public static double Value(this IEnumerable<Series> series, string name, params (string Label, string Value)[] labels) =>
        series.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Label) == l.Value))
            .Should().ContainSingle($"one {name} with {string.Join(",", labels)}").Subject.Value;

    public static IEnumerable<Series> Named(this IEnumerable<Series> series, string name, string target) =>
        series.Where(s => s.Name == name && s.Labels.GetValueOrDefault("target") == target);
}
