using Exporter.TestSupport;

namespace Exporter.IntegrationTests.HostCoverage;

/// <summary>The real node_exporter 1.5 (Debian's prometheus-node-exporter) on a loopback port the kernel picks.</summary>
internal sealed class NodeExporterProcess : IDisposable
{
    private readonly LocalServer _server;

    private NodeExporterProcess(LocalServer server) => _server = server;

    public int Port => _server.Port;

    public Uri MetricsUri => new(_server.BaseAddress, "metrics");

    public static async Task<NodeExporterProcess> StartAsync(params string[] flags) =>
        new(await LocalServer.StartAsync(
            Tools.Require("prometheus-node-exporter", "node_exporter"), ["--web.listen-address=127.0.0.1:0", .. flags], "/", what: "node_exporter"));

    public async Task<List<ScrapedSample>> ScrapeAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return ScrapedSample.Parse(await client.GetStringAsync(MetricsUri));
    }

    public void Dispose() => _server.Dispose();
}
