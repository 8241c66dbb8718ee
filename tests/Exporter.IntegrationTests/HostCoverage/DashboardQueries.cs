using System.Text.Json;
using System.Text.RegularExpressions;

namespace Exporter.IntegrationTests.HostCoverage;

/// <summary>One PromQL query of a Grafana dashboard panel.</summary>
internal sealed record DashboardQuery(string Panel, string RefId, string Expr)
{
    public override string ToString() => $"{Panel} [{RefId}]: {Expr}";
}

/// <summary>Reads a Grafana dashboard's queries and fills in its template variables.</summary>
internal static partial class DashboardQueries
{
    /// <summary>Every target expression, rows' nested panels included, in dashboard order.</summary>
    public static List<DashboardQuery> Load(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var queries = new List<DashboardQuery>();
        Walk(json.RootElement.GetProperty("panels"), queries);
        return queries;
    }

    /// <summary>
    /// Replaces $name, ${name}, ${name:format} and [[name]] with the variable's value, as Grafana
    /// does before sending the query; names it does not know stay as they are.
    /// </summary>
    public static string Substitute(string expr, IReadOnlyDictionary<string, string> variables) =>
        Variable().Replace(expr, m =>
        {
            var name = m.Groups["braced"].Success ? m.Groups["braced"].Value
                : m.Groups["bracket"].Success ? m.Groups["bracket"].Value
                : m.Groups["plain"].Value;
            return variables.TryGetValue(name, out var value) ? value : m.Value;
        });

    /// <summary>The metric names a query reads (node_*, process_*, go_*...).</summary>
    public static IEnumerable<string> MetricNames(string expr) =>
        MetricName().Matches(expr).Select(m => m.Value).Distinct(StringComparer.Ordinal);

    private static void Walk(JsonElement panels, List<DashboardQuery> queries)
    {
        foreach (var panel in panels.EnumerateArray())
        {
            var title = panel.TryGetProperty("title", out var t) ? t.GetString() ?? string.Empty : string.Empty;
            if (panel.TryGetProperty("targets", out var targets) && targets.ValueKind == JsonValueKind.Array)
            {
                foreach (var target in targets.EnumerateArray())
                {
                    if (target.TryGetProperty("expr", out var expr) && expr.GetString() is { Length: > 0 } text)
                    {
                        var refId = target.TryGetProperty("refId", out var r) ? r.GetString() ?? "?" : "?";
                        queries.Add(new DashboardQuery(title, refId, text));
                    }
                }
            }

            if (panel.TryGetProperty("panels", out var nested) && nested.ValueKind == JsonValueKind.Array)
            {
                Walk(nested, queries);
            }
        }
    }

    [GeneratedRegex(@"\$\{(?<braced>\w+)(?::\w+)?\}|\[\[(?<bracket>\w+)\]\]|\$(?<plain>\w+)")]
    private static partial Regex Variable();

    [GeneratedRegex(@"\b(?:node|process|go|promhttp)_[A-Za-z0-9_]+")]
    private static partial Regex MetricName();
}
