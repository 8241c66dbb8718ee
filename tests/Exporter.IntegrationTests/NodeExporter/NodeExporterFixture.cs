using Exporter.Core;
using Exporter.TestSupport;
using Exporter.TestSupport.Exposition;

namespace Exporter.IntegrationTests.NodeExporter;

/// <summary>
/// node_exporter 1.5 with its default collectors and our host with the same collectors (those of
/// them we have), side by side on free loopback ports, for the whole test class.
/// </summary>
public sealed class NodeExporterFixture : IAsyncLifetime
{
    /// <summary>
    /// Debian builds node_exporter with its own defaults (it leaves out lo, and mounts under /run,
    /// /mnt and /media); we follow upstream 1.5, so the packaged binary gets upstream's back.
    /// </summary>
    private static readonly string[] UpstreamDefaults =
    [
        "--collector.netdev.device-exclude=",
        "--collector.filesystem.mount-points-exclude=^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)",
    ];

    private ExternalProcess? _nodeExporter;
    private HostProcess? _host;

    public Uri NodeExporterMetrics { get; private set; } = null!;

    public Uri OurMetrics { get; private set; } = null!;

    /// <summary>Collectors node_exporter runs by default that we have too: both run exactly these.</summary>
    public IReadOnlySet<string> CommonCollectors { get; private set; } = new HashSet<string>();

    public async Task InitializeAsync()
    {
        var binary = Tools.Require("prometheus-node-exporter", "node_exporter");
        var port = FreePort.Next();
        _nodeExporter = new ExternalProcess(binary, [$"--web.listen-address=127.0.0.1:{port}", "--log.level=warn", .. UpstreamDefaults]);
        NodeExporterMetrics = new Uri($"http://127.0.0.1:{port}/metrics");
        var theirs = await WaitForAsync(NodeExporterMetrics, _nodeExporter);

        // The collectors node_exporter ran are the ones it reports node_scrape_collector_success for.
        var theirCollectors = theirs["node_scrape_collector_success"]!.Samples.Select(s => s.Labels["collector"]);
        CommonCollectors = theirCollectors.Intersect(BuiltInCollectors.Names, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        _host = await HostProcess.StartAsync(["--collector.disable-defaults", .. CommonCollectors.Select(c => $"--collector.{c}")]);
        OurMetrics = new Uri(_host.BaseAddress, "/metrics");
    }

    public Task DisposeAsync()
    {
        _host?.Dispose();
        _nodeExporter?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Both scraped at the same moment, in the text format.</summary>
    public async Task<(ParsedExposition Ours, ParsedExposition Theirs)> ScrapeBothAsync()
    {
        var ours = Scrapes.ParseAsync(OurMetrics);
        var theirs = Scrapes.ParseAsync(NodeExporterMetrics);
        return (await ours, await theirs);
    }

    private static async Task<ParsedExposition> WaitForAsync(Uri metrics, ExternalProcess process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"node_exporter exited with {process.ExitCode}: {process.Output}");
            }

            try
            {
                return await Scrapes.ParseAsync(metrics);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
