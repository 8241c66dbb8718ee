namespace Exporter.TestSupport.Exposition;

/// <summary>One sample line: its full name (with _total, _created... as written), labels, value.</summary>
public sealed record ParsedSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>name{a="1",b="2"} with labels sorted by name: the series' identity, for comparisons.</summary>
    public string SeriesKey => Labels.Count == 0
        ? Name
        : $"{Name}{{{string.Join(',', Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\""))}}}";

    public override string ToString() => $"{SeriesKey} {Value}";
}

/// <summary>A metric family: the name from its TYPE line (or the sample's name when untyped), type, help, samples.</summary>
public sealed class ParsedFamily(string name, string type, string? help)
{
    public string Name { get; } = name;

    /// <summary>As written: counter, gauge, untyped (text) or unknown, info... (OpenMetrics).</summary>
    public string Type { get; internal set; } = type;

    public string? Help { get; internal set; } = help;

    public List<ParsedSample> Samples { get; } = [];

    public override string ToString() => $"{Name} ({Type}, {Samples.Count} samples)";
}

/// <summary>A parsed scrape: families by name, in the order they appeared.</summary>
public sealed class ParsedExposition(IReadOnlyList<ParsedFamily> families, bool hasEof)
{
    public IReadOnlyList<ParsedFamily> Families { get; } = families;

    public IReadOnlyDictionary<string, ParsedFamily> ByName { get; } = families.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Whether the text ended with OpenMetrics' "# EOF" line.</summary>
    public bool HasEof { get; } = hasEof;

    public IEnumerable<ParsedSample> Samples => Families.SelectMany(f => f.Samples);

    public ParsedFamily? this[string name] => ByName.GetValueOrDefault(name);
}
