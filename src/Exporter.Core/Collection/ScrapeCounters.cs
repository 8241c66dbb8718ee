using System.Collections.Concurrent;
using Exporter.Core.Exposition;

namespace Exporter.Core.Collection;

/// <summary>
/// The scraper's own counters: scrapes answered, and collector failures (errors and timeouts) per
/// collector, so an alert can fire on rate(exporter_scrape_collector_errors_total[5m]) > 0 even
/// when node_scrape_collector_success flaps between scrapes. Thread-safe.
/// </summary>
internal sealed class ScrapeCounters
{
    private static readonly MetricDescriptor Scrapes = new(
        "exporter_scrapes_total", "Scrapes the exporter answered.", MetricType.Counter);

    private static readonly MetricDescriptor Errors = new(
        "exporter_scrape_collector_errors_total", "Collections in which the collector failed or timed out.", MetricType.Counter, "collector");

    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _scrapes;

    public ScrapeCounters(IEnumerable<string> collectors)
    {
        foreach (var name in collectors)
        {
            _errors[name] = 0;
        }
    }

    public void CountScrape() => Interlocked.Increment(ref _scrapes);

    public void CountOutcomes(IEnumerable<CollectorOutcome> outcomes)
    {
        foreach (var outcome in outcomes.Where(o => !o.Success))
        {
            _errors.AddOrUpdate(outcome.Name, 1, (_, n) => n + 1);
        }
    }

    public IEnumerable<MetricFamily> Families()
    {
        var scrapes = new MetricFamily(Scrapes);
        scrapes.Samples.Add(new Sample([], Interlocked.Read(ref _scrapes)));
        var errors = new MetricFamily(Errors);
        foreach (var (name, count) in _errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            errors.Samples.Add(new Sample([name], count));
        }

        return [scrapes, errors];
    }
}
