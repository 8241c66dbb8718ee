namespace Exporter.IntegrationTests.Stack;

/// <summary>
/// Every dashboard query, variables substituted as Grafana does, sent to the data source the panel
/// names: the live panels to a real Prometheus scraping our host, the History panels to the
/// VictoriaMetrics of each tier. Every dashboard must return data (the host also scrapes a Docker
/// engine and database servers, see <see cref="StackPeers"/>); a query without data names the
/// metrics the host did not expose.
/// </summary>
[Collection(LiveStackCollection.Name)]
public sealed class DashboardQueryTests(LiveStack stack)
{
    public static TheoryData<string> Files => [.. Dashboards.Files];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_query_returns_data_from_the_live_stack(string file)
    {
        var dashboard = Dashboards.Load(file);
        var failures = new List<string>();
        var queries = 0;

        foreach (var panel in Dashboards.Panels(dashboard))
        {
            foreach (var (uid, expr) in Dashboards.Queries(panel))
            {
                var tiers = uid.Contains("tier", StringComparison.Ordinal) || expr.Contains("tier", StringComparison.Ordinal) ? LiveStack.TierNames : ["1m"];
                foreach (var tier in tiers)
                {
                    queries++;
                    var source = Dashboards.Substitute(uid, stack.Instance, tier) switch
                    {
                        "prometheus" => stack.Prometheus,
                        var vm => stack.Stores[vm.Replace("vm-", string.Empty, StringComparison.Ordinal)],
                    };
                    var query = Dashboards.Substitute(expr, stack.Instance, tier);

                    // Throws with the server's message when the PromQL is invalid.
                    var result = await source.QueryAsync(query);
                    if (result.Count == 0)
                    {
                        failures.Add($"'{panel.GetProperty("title").GetString()}' ({tier}): {query}");
                    }
                }
            }
        }

        queries.Should().BePositive();
        if (failures.Count > 0)
        {
            var exposed = await stack.Prometheus.MetricNamesAsync();
            var missing = failures.SelectMany(Dashboards.MetricNames).Distinct().Where(m => !exposed.Contains(m)).Order(StringComparer.Ordinal);
            failures.Should().BeEmpty($"every panel of {file} must show data; metrics our host did not expose: {string.Join(", ", missing)}");
        }
    }
}
