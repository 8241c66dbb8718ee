using Exporter.TestSupport;
using Exporter.TestSupport.Exposition;

namespace Exporter.IntegrationTests.Prometheus;

/// <summary>promtool's linter on a live scrape of our host, with every collector that exists enabled.</summary>
public sealed class PromtoolTests
{
    [Fact]
    public async Task Promtool_check_metrics_finds_no_problem()
    {
        var promtool = Tools.Require("promtool");
        using var host = await HostProcess.StartAsync();
        var body = (await Scrapes.GetAsync(new Uri(host.BaseAddress, "/metrics"))).Body;

        var (exitCode, output) = await RunWithInputAsync(promtool, ["check", "metrics"], body);

        body.Should().Contain("node_scrape_collector_success");
        output.Should().BeEmpty("promtool reports lint problems one per line");
        exitCode.Should().Be(0);
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
