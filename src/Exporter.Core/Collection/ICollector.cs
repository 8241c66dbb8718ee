using Exporter.Core.Exposition;

namespace Exporter.Core.Collection;

/// <summary>
/// One source of metrics (a /proc file, the Docker engine, a database). A collector keeps no
/// registry state: each scrape it puts what it sees now into the sink. It may throw; the scraper
/// reports that as node_scrape_collector_success 0 and keeps the rest of the scrape.
/// </summary>
public interface ICollector
{
    /// <summary>The collector's name, as used by --collector.NAME and collect[]=NAME.</summary>
    string Name { get; }

    /// <summary>Collects once. Honour the token: it fires when the collector's timeout runs out.</summary>
    Task CollectAsync(MetricSink sink, CancellationToken cancellationToken);
}
