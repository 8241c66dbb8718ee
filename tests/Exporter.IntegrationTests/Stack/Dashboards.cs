using System.Text.Json;
using System.Text.RegularExpressions;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Stack;

/// <summary>The shipped Grafana dashboards and data sources, read as Grafana reads them.</summary>
internal static partial class Dashboards
{
    public static readonly string Folder = RepoPaths.Combine("grafana", "dashboards");

    public static IEnumerable<string> Files => Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static JsonElement Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Join(Folder, file)));
        return document.RootElement.Clone();
    }

    /// <summary>Every panel, including those nested in collapsed rows.</summary>
    public static IEnumerable<JsonElement> Panels(JsonElement dashboard) =>
        dashboard.GetProperty("panels").EnumerateArray().SelectMany(p =>
            p.TryGetProperty("panels", out var nested) ? nested.EnumerateArray().Prepend(p) : [p]);

    /// <summary>The queries of a panel: the data source uid (as written, maybe with variables) and the PromQL.</summary>
    public static IEnumerable<(string Uid, string Expr)> Queries(JsonElement panel)
    {
        if (!panel.TryGetProperty("targets", out var targets))
        {
            yield break;
        }

        var panelUid = panel.GetProperty("datasource").GetProperty("uid").GetString()!;
        foreach (var target in targets.EnumerateArray())
        {
            var uid = target.TryGetProperty("datasource", out var ds) ? ds.GetProperty("uid").GetString()! : panelUid;
            yield return (uid, target.GetProperty("expr").GetString()!);
        }
    }

    /// <summary>The uids that grafana/provisioning/datasources defines, with their type.</summary>
    public static IReadOnlyDictionary<string, string> ProvisionedDataSources() =>
        Yaml.Load(RepoPaths.Combine("grafana", "provisioning", "datasources", "datasources.yml")).Maps("datasources")
            .ToDictionary(d => d.Text("uid"), d => d.Text("type"), StringComparer.Ordinal);

    /// <summary>Replaces the dashboard variables and Grafana's own as Grafana would before querying.</summary>
    public static string Substitute(string text, string instance, string tier) => text
        .Replace("$__rate_interval", "10s", StringComparison.Ordinal)
        .Replace("${tier}", tier, StringComparison.Ordinal)
        .Replace("$tier", tier, StringComparison.Ordinal)
        .Replace("$job", "node", StringComparison.Ordinal)
        .Replace("$instance", instance, StringComparison.Ordinal);

    /// <summary>The exporter metric names a query reads, to say which one is missing when it has no data.</summary>
    public static IEnumerable<string> MetricNames(string expr) =>
        MetricName().Matches(expr).Select(m => m.Value).Distinct();

    // Not the middle of a recorded series name (level:metric:operation).
    [GeneratedRegex(@"(?<![\w:])(node|container|docker|pg|redis|mongodb)_[A-Za-z0-9_]+\b(?!:)")]
    private static partial Regex MetricName();
}
