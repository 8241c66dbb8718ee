using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// One metric family of the textfile collector, gathered from every *.prom file that has it, and
/// written the way node_exporter writes it: label names sorted, a label a sample lacks given the
/// empty value (which Prometheus treats as absent), samples sorted by label values (a histogram's
/// or summary's parts in client_golang's order), and HELP "Metric read from FILES" when no file
/// gave one.
/// </summary>
internal sealed class MergedFamily
{
    private readonly string _name;
    private readonly MetricType _type;
    private readonly List<TextSample> _samples = [];
    private readonly HashSet<string> _seriesKeys = new(StringComparer.Ordinal);
    private string? _help;

    public MergedFamily(TextFamily first, string path)
    {
        _name = first.Name;
        _type = first.Type;
        TryAdd(first, path);
    }

    public List<string> Files { get; } = [];

    /// <summary>Why <paramref name="family"/> cannot join this one, or null when it can.</summary>
    public string? Conflict(TextFamily family) =>
        family.Type != _type ? $"has another type ({Describe(family.Type)}, not {Describe(_type)})"
        : family.Help is not null && _help is not null && family.Help != _help ? "has another HELP text"
        : null;

    /// <summary>Adds a file's samples; false (and nothing added) when one repeats a series already here.</summary>
    public bool TryAdd(TextFamily family, string path)
    {
        var keys = family.Samples.Select(TextFormatParser.SeriesKey).ToList();
        if (keys.Any(_seriesKeys.Contains))
        {
            return false;
        }

        _seriesKeys.UnionWith(keys);
        _samples.AddRange(family.Samples);
        _help ??= family.Help;
        Files.Add(path);
        return true;
    }

    // The descriptor is built per collection: names, labels and help come from files that may
    // change between scrapes, and caching by name would serve stale ones.
    public void Emit(MetricSink sink)
    {
        var labelNames = TextSamples.LabelNames(_samples);
        var descriptor = new MetricDescriptor(_name, _help ?? $"Metric read from {string.Join(", ", Files)}", _type, labelNames);
        var rows = _samples.Select(s => TextSamples.ToSample(s, labelNames)).ToList();
        rows.Sort(Compare);
        foreach (var row in rows)
        {
            sink.Add(descriptor, row);
        }
    }

    // By label values; within one histogram or summary, as client_golang writes it: buckets or
    // quantiles by bound, then _sum, then _count.
    private static int Compare(Sample a, Sample b)
    {
        var order = CompareValues(a.LabelValues, b.LabelValues);
        order = order != 0 ? order : PartRank(a.Suffix).CompareTo(PartRank(b.Suffix));
        return order != 0 ? order : Nullable.Compare(a.Bound, b.Bound);
    }

    private static int PartRank(string suffix) => suffix switch
    {
        "_sum" => 1,
        "_count" => 2,
        _ => 0,
    };

    private static int CompareValues(string[] a, string[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var order = string.CompareOrdinal(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    private static string Describe(MetricType type) => type.ToString().ToLowerInvariant();
}
