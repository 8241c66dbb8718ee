using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Exporter.Core.Tests.Collection;

public sealed class ScrapeCountersTests
{
    [Fact]
    public async Task Scrapes_and_collector_errors_are_counted()
    {
        var scraper = new Scraper(
            [
                new CollectorRegistration("good", true, _ => new Collector("good", fail: false)),
                new CollectorRegistration("bad", true, _ => new Collector("bad", fail: true)),
            ],
            Options.Create(new PrometheusMetricsOptions()),
            null!,
            NullLogger<Scraper>.Instance);

        // Different filters, so each is a collection of its own (equal ones in flight are shared).
        await scraper.ScrapeAsync(CollectorFilter.None);
        await scraper.ScrapeAsync(new CollectorFilter([], ["good"]));
        var third = await scraper.ScrapeAsync(new CollectorFilter(["good"], []));

        Value(third, "exporter_scrapes_total", []).Should().Be(3);
        Value(third, "exporter_scrape_collector_errors_total", ["bad"]).Should().Be(2);
        Value(third, "exporter_scrape_collector_errors_total", ["good"]).Should().Be(0, "every enabled collector has a series from the start");
    }

    private static double Value(ScrapeResult result, string family, string[] labels) =>
        result.Families.Single(f => f.Descriptor.Name == family).Samples.Single(s => s.LabelValues.SequenceEqual(labels)).Value;

    private sealed class Collector(string name, bool fail) : ICollector
    {
        public string Name => name;

        public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken) =>
            fail ? throw new FormatException("broken") : Task.CompletedTask;
    }
}
