using Exporter.TestSupport;

namespace Exporter.IntegrationTests.HostCoverage;

/// <summary>The real node_exporter 1.5 (Debian's prometheus-node-exporter) on a free loopback port.</summary>
internal sealed class NodeExporterProcess : IDisposable
{
    private readonly ExternalProcess _process;

    private NodeExporterProcess(ExternalProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri MetricsUri => new($"http://127.0.0.1:{Port}/metrics");

    public static async Task<NodeExporterProcess> StartAsync(params string[] flags)
    {
        var binary = Tools.Require("prometheus-node-exporter", "node_exporter");
        var port = FreePort.Next();
        var node = new NodeExporterProcess(new ExternalProcess(binary, [$"--web.listen-address=127.0.0.1:{port}", .. flags]), port);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (node._process.HasExited)
            {
                throw new InvalidOperationException("node_exporter exited: " + node._process.Output);
            }

            try
            {
                using var response = await client.GetAsync(node.MetricsUri);
                if (response.IsSuccessStatusCode)
                {
                    return node;
                }
            }
            catch (HttpRequestException)
            {
            }
        }

        node.Dispose();
        throw new TimeoutException("node_exporter did not answer: " + node._process.Output);
    }

    public async Task<List<ScrapedSample>> ScrapeAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return ScrapedSample.Parse(await client.GetStringAsync(MetricsUri));
    }

    public void Dispose() => _process.Dispose();
}
