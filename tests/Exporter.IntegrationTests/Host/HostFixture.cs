using Exporter.TestSupport;
using Exporter.TestSupport.Exposition;

namespace Exporter.IntegrationTests.Host;

/// <summary>Our host with its default collectors, shared by a test class.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public HostProcess Host { get; private set; } = null!;

    /// <summary>Collectors that ran in a plain scrape, from node_scrape_collector_success.</summary>
    public IReadOnlyList<string> Collectors { get; private set; } = [];

    public Uri Url(string pathAndQuery) => new(Host.BaseAddress, pathAndQuery);

    public async Task InitializeAsync()
    {
        Host = await HostProcess.StartAsync();
        Collectors = CollectorsIn(await Scrapes.ParseAsync(Url("/metrics")));
    }

    public Task DisposeAsync()
    {
        Host?.Dispose();
        return Task.CompletedTask;
    }

    public static List<string> CollectorsIn(ParsedExposition exposition) =>
        exposition["node_scrape_collector_success"]?.Samples.Select(s => s.Labels["collector"]).Order(StringComparer.Ordinal).ToList() ?? [];
}
