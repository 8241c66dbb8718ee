using Exporter.TestSupport;
using Exporter.TestSupport.Exposition;

namespace Exporter.IntegrationTests.Prometheus;

/// <summary>promtool's linter on a live scrape of our host, with every collector that exists enabled.</summary>
public sealed class PromtoolTests
{
    /// <summary>
    /// No problem that node_exporter 1.5's own output does not have too: its names are kept on
    /// purpose (node_memory_MemTotal_bytes is "camelCase" to promtool, node_entropy_available_bits
    /// not in bytes), since dashboards and alert rules use them. promtool exits 3 for lint problems
    /// and 1 for a parse error.
    /// </summary>
    [Fact]
    public async Task Promtool_check_metrics_finds_no_problem_node_exporter_does_not_have()
    {
        var promtool = Tools.Require("promtool");
        var nodeExporter = Tools.Require("prometheus-node-exporter", "node_exporter");
        using var theirs = await LocalServer.StartAsync(nodeExporter, ["--web.listen-address=127.0.0.1:0", "--log.level=warn"], "/", what: "node_exporter");
        // Every collector must be in the scrape linted: a generous timeout, so a busy machine does not leave one out.
        using var host = await HostProcess.StartAsync($"--collector.textfile.directory={PrometheusFixture.TextfileFixtures}", "--collector.timeout=25s");
        var body = (await Scrapes.GetAsync(new Uri(host.BaseAddress, "/metrics"))).Body;
        var theirBody = (await Scrapes.GetAsync(new Uri(theirs.BaseAddress, "metrics"))).Body;

        var (exitCode, output) = await RunWithInputAsync(promtool, ["check", "metrics"], body);
        var (_, theirOutput) = await RunWithInputAsync(promtool, ["check", "metrics"], theirBody);

        body.Should().Contain("node_scrape_collector_success").And.Contain("# TYPE backup_duration_seconds histogram");
        var problems = Lines(output);
        problems.Except(Lines(theirOutput)).Should().BeEmpty("promtool reports these for us but not for node_exporter 1.5");
        exitCode.Should().Be(problems.Count == 0 ? 0 : 3, "promtool's verdict: {0}", output);
    }

    [Fact]
    public async Task Promtool_does_report_a_lint_problem()
    {
        // The check above must be able to fail: a counter without _total is a lint problem.
        var promtool = Tools.Require("promtool");

        var (exitCode, output) = await RunWithInputAsync(promtool, ["check", "metrics"], "# HELP x_bytes X.\n# TYPE x_bytes counter\nx_bytes 1\n");

        output.Should().Contain("counter metrics should have \"_total\" suffix");
        exitCode.Should().NotBe(0);
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static async Task<(int ExitCode, string Output)> RunWithInputAsync(string file, string[] arguments, string input)
    {
        var info = new System.Diagnostics.ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
