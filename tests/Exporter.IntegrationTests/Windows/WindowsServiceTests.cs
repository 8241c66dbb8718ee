using Exporter.TestSupport;
using Exporter.TestSupport.Exposition;

namespace Exporter.IntegrationTests.Windows;

/// <summary>
/// The Windows build installed as a Windows service with sc.exe, as docs/windows-macos.md shows,
/// under Wine's service control manager (services.exe): it reports itself running, serves on the
/// address its flags give, and stops when told.
/// </summary>
[Collection(WineHostCollection.Name)]
public sealed class WindowsServiceTests(WineHost wine)
{
    [Fact]
    public async Task It_runs_as_a_service_created_with_sc_exe_with_its_flags()
    {
        // Wine keeps its services running only while a program of the session runs: the fixture's
        // exporter is that program.
        const string Service = "exporter-test";
        // Wine's service manager starts the host: no output of its own to read a port (or a conflict)
        // from, so this one port is a kernel-fresh candidate; a clash fails the test, it cannot pass it.
        var port = FreePort.Next();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var create = await wine.RunAsync(
            "sc", "create", Service, "binPath=", $"{WineHost.WindowsPath(wine.Binary)} --web.listen-address=127.0.0.1:{port}", "start=", "demand");
        create.ExitCode.Should().Be(0, create.Output);
        try
        {
            var start = await wine.RunAsync("sc", "start", Service);
            start.ExitCode.Should().Be(0, start.Output);
            await WineHost.WaitUntilReadyAsync(new Uri(address, "-/ready"), TimeSpan.FromSeconds(120));


            // RUNNING: the host told the service control manager it started; without that it would stay
            // START_PENDING until the manager gave up on it.
            var query = await wine.RunAsync("sc", "query", Service);
            query.Output.Should().MatchRegex(@"STATE\s+:\s+4\s+RUNNING");
            var metrics = await Scrapes.ParseAsync(new Uri(address, "metrics"));
            metrics["node_scrape_collector_success"]!.Samples.Should().Contain(s => s.Labels["collector"] == "cpu" && s.Value == 1);

            var stop = await wine.RunAsync("sc", "stop", Service);
            stop.ExitCode.Should().Be(0, stop.Output);
            await StoppedAsync(Service);
        }
        finally
        {
            await wine.RunAsync("sc", "stop", Service);
            await wine.RunAsync("sc", "delete", Service);
        }
    }

    private async Task StoppedAsync(string service)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string output;
        do
        {
            output = (await wine.RunAsync("sc", "query", service)).Output;
            if (output.Contains("STOPPED", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"{service} did not stop: {output}");
    }
}
