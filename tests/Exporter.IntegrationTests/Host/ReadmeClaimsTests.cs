using System.Diagnostics;
using System.Net;
using System.Xml.Linq;
using Exporter.TestSupport;
using Exporter.TestSupport.Exposition;

namespace Exporter.IntegrationTests.Host;

/// <summary>What README.md and --help promise about the host, checked on the running program.</summary>
public sealed class ReadmeClaimsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("exporter-claims-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Prometheus_scrape_timeout_header_shortens_the_collector_timeout()
    {
        // A *.prom that is a named pipe nobody writes: opening it blocks, so the textfile collector
        // hangs (as on a stuck file system) until the scrape's timeout gives up on it.
        using (var mkfifo = new ExternalProcess(Tools.Require("mkfifo"), [Path.Join(_dir.FullName, "stuck.prom")]))
        {
            mkfifo.WaitForExit(TimeSpan.FromSeconds(30)).Should().BeTrue();
            mkfifo.ExitCode.Should().Be(0, mkfifo.Output);
        }

        using var host = await HostProcess.StartAsync(
            "--collector.disable-defaults", "--collector.loadavg", "--collector.textfile", $"--collector.textfile.directory={_dir.FullName}",
            "--collector.timeout=25s");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseAddress, "/metrics"));
        request.Headers.Add("X-Prometheus-Scrape-Timeout-Seconds", "3");

        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var elapsed = clock.Elapsed;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var scrape = ExpositionParser.Parse(await response.Content.ReadAsStringAsync());
        Value(scrape, "node_scrape_collector_success", "textfile").Should().Be(0, "the hung collector is given up on");
        Value(scrape, "node_scrape_collector_success", "loadavg").Should().Be(1, "the rest of the scrape is answered");

        // Prometheus' 3 s leave the collectors 2.5 s (half a second for the answer to travel).
        Value(scrape, "node_scrape_collector_duration_seconds", "textfile").Should().BeInRange(2.5, 10, "the header's timeout applies, not --collector.timeout=25s");

        // Generous on a busy machine, and still far below the configured 25 s.
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15));
        (await host.WaitForOutputAsync("timed out after 2.5s")).Should().Contain("timed out after 2.5s");
    }

    [Fact]
    public async Task A_custom_telemetry_path_serves_the_metrics_and_the_landing_page_links_it()
    {
        using var host = await HostProcess.StartAsync("--collector.disable-defaults", "--collector.loadavg", "--web.telemetry-path=/internal/prom");

        var metrics = await Scrapes.GetAsync(new Uri(host.BaseAddress, "/internal/prom"));
        var old = await Scrapes.GetAsync(new Uri(host.BaseAddress, "/metrics"));
        var landing = await Scrapes.GetAsync(host.BaseAddress);

        metrics.Status.Should().Be(HttpStatusCode.OK);
        metrics.Parse()["node_load1"].Should().NotBeNull();
        old.Status.Should().Be(HttpStatusCode.NotFound, "the metrics moved");
        landing.Body.Should().Contain("<a href=\"internal/prom\">", "the status page links the metrics relatively, so it works behind a path prefix");
    }

    [Fact]
    public void Version_prints_the_projects_version_and_exits_0()
    {
        var version = XDocument.Load(RepoPaths.Combine("Directory.Build.props")).Descendants("Version").Single().Value;
        using var host = new ExternalProcess(RepoPaths.HostFileName, RepoPaths.HostArguments("--version"));

        host.WaitForExit(TimeSpan.FromSeconds(60)).Should().BeTrue();

        host.ExitCode.Should().Be(0);
        host.Output.Trim().Should().Be($"exporter {version}");
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Flags_win_over_the_environment_which_wins_over_appsettings()
    {
        // Three layers setting the same things: appsettings.json (read from beside the binary, as a
        // service started in / needs: a copy of the host here, with its own file), Exporter__
        // environment variables, and flags.
        var binary = _dir.CreateSubdirectory("host");
        var (fileName, arguments) = RepoPaths.ReadableHostCopy(
            binary, "--web.listen-address=127.0.0.1:0", "--collector.disable-defaults", "--web.telemetry-path=/from-flags", "--collector.loadavg");
        await File.WriteAllTextAsync(Path.Join(binary.FullName, "appsettings.json"), """
            {
              "Exporter": {
                "Web": { "TelemetryPath": "/from-appsettings" },
                "Collectors": { "loadavg": false, "uname": true, "time": true }
              }
            }
            """);
        var environment = new Dictionary<string, string>
        {
            ["Exporter__Web__TelemetryPath"] = "/from-environment",
            ["Exporter__Collectors__loadavg"] = "false",
            ["Exporter__Collectors__uname"] = "false",
        };

        using var host = await LocalServer.StartAsync(fileName, arguments, "/-/ready", environment, "host", _dir.FullName);

        (await Scrapes.GetAsync(new Uri(host.BaseAddress, "from-environment"))).Status.Should().Be(HttpStatusCode.NotFound);
        var scrape = await Scrapes.ParseAsync(new Uri(host.BaseAddress, "from-flags"));
        var collectors = scrape["node_scrape_collector_success"]!.Samples.Select(s => s.Labels["collector"]);

        collectors.Should().BeEquivalentTo(
            ["loadavg", "time"],
            "loadavg: the flag beats both files; uname: the environment beats appsettings; time: appsettings alone");
    }

    private static double Value(ParsedExposition scrape, string family, string collector) =>
        scrape[family]!.Samples.Single(s => s.Labels["collector"] == collector).Value;
}
