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

    private LocalServer? _nodeExporter;
    private HostProcess? _host;

    public Uri NodeExporterMetrics { get; private set; } = null!;

    public Uri OurMetrics { get; private set; } = null!;

    /// <summary>Collectors node_exporter runs by default that we have too: both run exactly these.</summary>
    public IReadOnlySet<string> CommonCollectors { get; private set; } = new HashSet<string>();

    public async Task InitializeAsync()
    {
        var binary = Tools.Require("prometheus-node-exporter", "node_exporter");
        _nodeExporter = await LocalServer.StartAsync(binary, ["--web.listen-address=127.0.0.1:0", "--log.level=warn", .. UpstreamDefaults], "/", what: "node_exporter");
        NodeExporterMetrics = new Uri(_nodeExporter.BaseAddress, "metrics");
        var theirs = await Scrapes.ParseAsync(NodeExporterMetrics);

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

    /// <summary>
    /// Which families node_exporter emits for each collector both run: node_exporter's own
    /// collect[] filter scrapes one collector at a time (its scrape and program families left out).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> TheirFamiliesByCollectorAsync()
    {
        var families = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var collector in CommonCollectors.Order(StringComparer.Ordinal))
        {
            var scrape = await Scrapes.ParseAsync(new Uri(NodeExporterMetrics, $"?collect[]={collector}"));
            foreach (var name in ExpositionComparison.HostFamilies(scrape))
            {
                families[name] = collector;
            }
        }

        return families;
    }

    /// <summary>Both scraped at the same moment, in the text format.</summary>
    public async Task<(ParsedExposition Ours, ParsedExposition Theirs)> ScrapeBothAsync()
    {
        var ours = Scrapes.ParseAsync(OurMetrics);
        var theirs = Scrapes.ParseAsync(NodeExporterMetrics);
        return (await ours, await theirs);
    }
}
