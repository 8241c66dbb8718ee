using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Status;

/// <summary>Our host with its default collectors, the status page refreshing every 2 s, and a browser when a test asks for one.</summary>
public sealed class StatusHostFixture : IAsyncLifetime
{
    public const int RefreshSeconds = 2;

    private Browser? _browser;

    public HostProcess Host { get; private set; } = null!;

    public Browser Browser => _browser ??= new Browser();

    public Uri Url(string pathAndQuery) => new(Host.BaseAddress, pathAndQuery);

    public async Task InitializeAsync()
    {
        Host = await HostProcess.StartAsync(new Dictionary<string, string> { ["Exporter__Status__RefreshInterval"] = $"{RefreshSeconds}s" });
    }

    public Task DisposeAsync()
    {
        _browser?.Dispose();
        Host?.Dispose();
        return Task.CompletedTask;
    }
}
