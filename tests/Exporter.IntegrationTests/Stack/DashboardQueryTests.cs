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
        var pending = new List<(string Title, string Tier, PromQl Source, string Query)>();
        foreach (var panel in Dashboards.Panels(dashboard))
        {
            foreach (var (uid, expr) in Dashboards.Queries(panel))
            {
                var tiers = uid.Contains("tier", StringComparison.Ordinal) || expr.Contains("tier", StringComparison.Ordinal) ? LiveStack.TierNames : ["1m"];
                foreach (var tier in tiers)
                {
                    var source = Dashboards.Substitute(uid, stack.Instance, tier) switch
                    {
                        "prometheus" => stack.Prometheus,
                        var vm => stack.Stores[vm.Replace("vm-", string.Empty, StringComparison.Ordinal)],
                    };
                    pending.Add((panel.GetProperty("title").GetString()!, tier, source, Dashboards.Substitute(expr, stack.Instance, tier)));
                }
            }
        }

        var queries = pending.Count;

        // A query without data is asked again for a while: on a busy machine a collector (Docker's
        // stats take seconds) can miss a scrape or two, leaving a 10 s rate a moment without two
        // samples. A metric the host never exposes stays empty however long this waits.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var empty = new List<(string Title, string Tier, PromQl Source, string Query)>();
            foreach (var item in pending)
            {
                // Throws with the server's message when the PromQL is invalid.
                if ((await item.Source.QueryAsync(item.Query)).Count == 0)
                {
                    empty.Add(item);
                }
            }

            pending = empty;
            if (pending.Count == 0 || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(2000);
        }

        var failures = pending.Select(p => $"'{p.Title}' ({p.Tier}): {p.Query}").ToList();
        queries.Should().BePositive();
        if (failures.Count > 0)
        {
            var exposed = await stack.Prometheus.MetricNamesAsync();
            var missing = failures.SelectMany(Dashboards.MetricNames).Distinct().Where(m => !exposed.Contains(m)).Order(StringComparer.Ordinal);
            failures.Should().BeEmpty($"every panel of {file} must show data; metrics our host did not expose: {string.Join(", ", missing)}");
        }
    }
}
