using System.Text;
using Exporter.Core;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.HostCoverage;

/// <summary>
/// "Node Exporter Full", the most imported host dashboard, must show for our host every panel it
/// shows for node_exporter 1.5 on the same machine. A real Prometheus scrapes both every second
/// (jobs "node" and "exporter"); each dashboard query, with its variables filled in for one job,
/// runs against each. Queries node_exporter fills and we leave empty fail the test, unless they
/// read a metric listed with its reason in docs/dashboard-compatibility.md.
/// The dashboard is not part of this repository: it is read from ../shared/compat beside it (where
/// CI puts it). Without it the test is skipped, saying where to put it; under CI=true it fails.
/// It runs alone: its TCP panels show transient connection states (close_wait, fin_wait1) that
/// other tests' connections would create for one exporter's scrape and not the other's.
/// </summary>
[Collection(MachineWideCollection.Name)]
[Trait("Category", MachineWideCollection.Category)]
public sealed class DashboardCompatibilityTests
{
    private static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(1);

    // Collectors node_exporter has off by default that the dashboard reads: on for both exporters.
    private static readonly string[] OptionalCollectors = ["processes", "tcpstat", "interrupts"];

    [SkippableFact]
    public async Task Every_query_node_exporter_fills_we_fill_too_except_the_documented_ones()
    {
        // EXPORTER_COMPAT_DIR points elsewhere, e.g. from a git worktree that is not beside shared/.
        var compat = Environment.GetEnvironmentVariable("EXPORTER_COMPAT_DIR") is { Length: > 0 } dir ? dir : Path.Join(RepoPaths.Root, "..", "shared", "compat");
        var dashboard = Path.GetFullPath(Path.Join(compat, "node-exporter-full.json"));
        if (!File.Exists(dashboard))
        {
            var where = $"put Grafana's 'Node Exporter Full' (rfmoz/grafana-dashboards, prometheus/node-exporter-full.json) at {dashboard}, or point EXPORTER_COMPAT_DIR at its directory";
            Skip.IfNot(Environment.GetEnvironmentVariable("CI") == "true", $"The dashboard is not in this repository: {where}.");
            throw new InvalidOperationException($"The dashboard to test against is missing, and CI must have it: {where}.");
        }

        var queries = DashboardQueries.Load(dashboard);
        var exceptions = DashboardExceptions.Load(RepoPaths.Combine("docs", "dashboard-compatibility.md"));

        using var node = await NodeExporterProcess.StartAsync([.. OptionalCollectors.Select(c => $"--collector.{c}")]);
        using var host = await HostProcess.StartAsync([.. OptionalCollectors.Where(BuiltInCollectors.Names.Contains).Select(c => $"--collector.{c}")]);
        using var prometheus = await PrometheusServer.StartAsync(
            ScrapeInterval, ("node", $"127.0.0.1:{node.Port}"), ("exporter", $"127.0.0.1:{host.Port}"));
        await WaitForSamplesAsync(prometheus, "node", "exporter");

        var at = DateTimeOffset.UtcNow;
        var report = new StringBuilder();
        var missing = new List<string>();
        var excused = new List<string>();
        var onlyOurs = new List<string>();
        int theyFill = 0, weFill = 0, bothFill = 0, rejected = 0;
        foreach (var query in queries)
        {
            var theirs = await FilledAsync(prometheus, query, Variables("node", node.Port), at);
            var ours = await FilledAsync(prometheus, query, Variables("exporter", host.Port), at);
            if (theirs.Filled && !ours.Filled && theirs.Error is null)
            {
                ours = await FilledSinceAsync(prometheus, query, Variables("exporter", host.Port));
            }
            if (theirs.Error is not null)
            {
                rejected++;
                report.AppendLine($"  rejected by Prometheus ({theirs.Error}): {query}");
            }

            theyFill += theirs.Filled ? 1 : 0;
            weFill += ours.Filled ? 1 : 0;
            bothFill += theirs.Filled && ours.Filled ? 1 : 0;
            if (ours.Filled && !theirs.Filled)
            {
                onlyOurs.Add(query.ToString());
            }

            if (theirs.Filled && !ours.Filled)
            {
                var reason = DashboardQueries.MetricNames(query.Expr).FirstOrDefault(exceptions.ContainsKey);
                (reason is null ? missing : excused).Add(reason is null ? query.ToString() : $"{query} (documented: {reason})");
            }
        }

        report.Insert(0,
            $"Dashboard queries: {queries.Count}; filled by node_exporter: {theyFill}; filled by us: {weFill}; " +
            $"filled by node_exporter and by us: {bothFill}; missing: {missing.Count}; documented exceptions: {excused.Count}; rejected: {rejected}\n");
        report.AppendLine("Missing (node_exporter fills, we do not):");
        missing.ForEach(m => report.AppendLine("  " + m));
        report.AppendLine("Documented exceptions:");
        excused.ForEach(m => report.AppendLine("  " + m));
        report.AppendLine("Filled by us only:");
        onlyOurs.ForEach(m => report.AppendLine("  " + m));
        Console.WriteLine(report);

        theyFill.Should().BeGreaterThan(queries.Count / 2, "node_exporter fills most of the dashboard on Linux; if not, the setup is broken\n" + report);
        missing.Should().BeEmpty("every panel node_exporter fills should be filled for our host too\n" + report);
    }

    // Grafana's values with a data source scrape interval of 1 s: $__rate_interval is
    // max($__interval + scrape interval, 4 × scrape interval).
    private static Dictionary<string, string> Variables(string job, int port) => new(StringComparer.Ordinal)
    {
        ["job"] = job,
        ["node"] = $"127.0.0.1:{port}",
        ["instance"] = $"127.0.0.1:{port}",
        ["nodename"] = Environment.MachineName,
        ["__rate_interval"] = "4s",
        ["__interval"] = "1s",
        ["__interval_ms"] = "1000",
        ["__range"] = "1m",
        ["__range_s"] = "60",
        ["__range_ms"] = "60000",
    };

    // Evaluated at three instants a second apart: a series that flickers (a rate over a counter that
    // moves rarely, a "> 0" filter) counts as filled if it shows at any of them, for both jobs alike.
    private static async Task<(bool Filled, string? Error)> FilledAsync(
        PrometheusServer prometheus, DashboardQuery query, Dictionary<string, string> variables, DateTimeOffset at)
    {
        var expr = DashboardQueries.Substitute(query.Expr, variables);
        for (var i = 0; i < 3; i++)
        {
            var (filled, error) = await prometheus.HasDataAsync(expr, at.AddSeconds(-i));
            if (error is not null)
            {
                return (false, error);
            }

            if (filled == true)
            {
                return (true, null);
            }
        }

        return (false, null);
    }

    // A series node_exporter showed and ours did not in those three instants may be one that comes
    // and goes with the machine's activity (a TCP state such as fin_wait1, a process state): asked
    // again for up to a minute, as "any data at any second of the last two minutes" (a subquery),
    // it counts as filled once ours has shown it too. A family we never expose stays missing.
    private static async Task<(bool Filled, string? Error)> FilledSinceAsync(
        PrometheusServer prometheus, DashboardQuery query, Dictionary<string, string> variables)
    {
        var expr = $"count_over_time(({DashboardQueries.Substitute(query.Expr, variables)})[2m:1s])";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (filled, error) = await prometheus.HasDataAsync(expr, DateTimeOffset.UtcNow);
            if (filled == true || error is not null || DateTime.UtcNow > deadline)
            {
                // A query the subquery form cannot take (a scalar) keeps the first answer: not filled.
                return (filled == true, null);
            }

            await Task.Delay(2000);
        }
    }

    // rate() over $__rate_interval (4 s) needs two samples in the window; 12 s of 1 s scrapes leave margin.
    private static async Task WaitForSamplesAsync(PrometheusServer prometheus, params string[] jobs)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var counts = new List<int>();
            foreach (var job in jobs)
            {
                counts.Add(await prometheus.CountSamplesAsync(job, "up", "1m"));
            }

            if (counts.All(c => c >= 12))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Prometheus did not collect enough samples of {string.Join(", ", jobs)}: {string.Join(", ", counts)}");
            }

            await Task.Delay(1000);
        }
    }
}
