using Exporter.Core.Collection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Exporter.Core.Hosting;

/// <summary>
/// Creates the scraper, and with it every enabled collector, when the app starts rather than at the
/// first scrape: the meter bridge must listen from the start to count what happens before
/// Prometheus first asks, and bad collector settings should stop the start-up.
/// </summary>
internal sealed class ScraperStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<Scraper>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
