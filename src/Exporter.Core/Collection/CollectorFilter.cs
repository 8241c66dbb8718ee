namespace Exporter.Core.Collection;

/// <summary>
/// node_exporter's collect[] / exclude[] query parameters: collect[] keeps only the named enabled
/// collectors, exclude[] drops the named ones. Both empty: every enabled collector runs.
/// </summary>
/// <param name="Collect">The collect[] names: only these run; empty runs every enabled collector.</param>
/// <param name="Exclude">The exclude[] names: these do not run.</param>
public sealed record CollectorFilter(IReadOnlyList<string> Collect, IReadOnlyList<string> Exclude)
{
    /// <summary>No filter: every enabled collector runs.</summary>
    public static CollectorFilter None { get; } = new([], []);

    /// <summary>A stable key, so scrapes with the same filter can share one collection.</summary>
    public string Key => string.Join(',', Collect.Order(StringComparer.Ordinal)) + "|" + string.Join(',', Exclude.Order(StringComparer.Ordinal));

    /// <summary>Whether the collector named <paramref name="name"/> runs under this filter.</summary>
    public bool Includes(string name) =>
        (Collect.Count == 0 || Collect.Contains(name, StringComparer.Ordinal)) && !Exclude.Contains(name, StringComparer.Ordinal);
}
