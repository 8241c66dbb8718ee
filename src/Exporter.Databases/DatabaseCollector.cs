using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Databases;

/// <summary>
/// All targets of one kind (postgres, redis, mongodb), scraped concurrently. Each target adds its own series
/// and its up gauge (pg_up, redis_up, mongodb_up), 1 or 0, with its name in the <c>target</c> label; a target
/// that is down never fails the collector, so node_scrape_collector_success stays 1.
/// </summary>
internal sealed class DatabaseCollector(string name, MetricDescriptor up, IReadOnlyList<DatabaseTarget> targets) : ICollector, IDisposable
{
    public string Name => name;

    public void Dispose()
    {
        foreach (var target in targets)
        {
            target.Dispose();
        }
    }

    public async Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(targets.Select(t => t.ScrapeAsync(cancellationToken)));
        for (var i = 0; i < targets.Count; i++)
        {
            sink.Add(up, results[i] is null ? 0 : 1, targets[i].Name);
            foreach (var family in results[i]?.Families ?? [])
            {
                foreach (var sample in family.Samples)
                {
                    sink.Add(family.Descriptor, sample.Value, sample.LabelValues);
                }
            }
        }
    }
}
