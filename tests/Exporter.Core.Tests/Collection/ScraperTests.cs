using System.Diagnostics;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Exporter.Core.Tests.Collection;

public sealed class ScraperTests
{
    private static readonly MetricDescriptor Value = new("test_value", "A test value.", MetricType.Gauge, "source");

    [Fact]
    public async Task A_failing_collector_is_reported_and_the_rest_is_kept()
    {
        var scraper = Create(
            new DelegateCollector("good", (sink, _) => { sink.Add(Value, 1, "good"); return Task.CompletedTask; }),
            new DelegateCollector("bad", (_, _) => throw new FormatException("malformed /proc/whatever")));

        var result = await scraper.ScrapeAsync(CollectorFilter.None);

        Samples(result, "node_scrape_collector_success").Should().BeEquivalentTo(new Dictionary<string, double> { ["bad"] = 0, ["good"] = 1 });
        Samples(result, "test_value").Should().BeEquivalentTo(new Dictionary<string, double> { ["good"] = 1 });
        result.CollectorErrors.Should().Equal(new Dictionary<string, string> { ["bad"] = "malformed /proc/whatever" });
    }

    [Fact]
    public async Task A_hung_collector_costs_no_more_than_its_timeout_and_is_not_started_twice()
    {
        var release = new ManualResetEventSlim();
        var starts = 0;
        var scraper = Create(
            TimeSpan.FromMilliseconds(300),
            new DelegateCollector("hung", (_, _) => { Interlocked.Increment(ref starts); release.Wait(CancellationToken.None); return Task.CompletedTask; }),
            new DelegateCollector("good", (sink, _) => { sink.Add(Value, 2, "good"); return Task.CompletedTask; }));

        var watch = Stopwatch.StartNew();
        var first = await scraper.ScrapeAsync(CollectorFilter.None);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        Samples(first, "node_scrape_collector_success")["hung"].Should().Be(0);
        Samples(first, "test_value")["good"].Should().Be(2);

        var second = await scraper.ScrapeAsync(CollectorFilter.None);
        Samples(second, "node_scrape_collector_success")["hung"].Should().Be(0);
        starts.Should().Be(1, "a collector still stuck from an earlier scrape is not started again");

        release.Set();
        await Task.Delay(100);
        var third = await scraper.ScrapeAsync(CollectorFilter.None);
        starts.Should().Be(2);
        Samples(third, "node_scrape_collector_success")["hung"].Should().Be(1);
    }

    [Fact]
    public async Task A_collector_that_honours_cancellation_is_reported_as_timed_out()
    {
        var scraper = Create(TimeSpan.FromMilliseconds(200), new DelegateCollector("slow", (_, ct) => Task.Delay(Timeout.Infinite, ct)));

        var result = await scraper.ScrapeAsync(CollectorFilter.None);

        Samples(result, "node_scrape_collector_success")["slow"].Should().Be(0);
    }

    [Fact]
    public async Task Concurrent_scrapes_share_one_collection()
    {
        var runs = 0;
        var gate = new TaskCompletionSource();
        var scraper = Create(new DelegateCollector("counted", async (sink, _) =>
        {
            Interlocked.Increment(ref runs);
            await gate.Task;
            sink.Add(Value, 1, "counted");
        }));

        var scrapes = Enumerable.Range(0, 100).Select(_ => scraper.ScrapeAsync(CollectorFilter.None)).ToList();
        await Task.Delay(100);
        gate.SetResult();
        var results = await Task.WhenAll(scrapes);

        runs.Should().Be(1);
        results.Should().OnlyContain(r => Samples(r, "test_value")["counted"] == 1);
    }

    [Fact]
    public async Task A_scrape_after_a_collection_finished_gets_a_fresh_one()
    {
        var runs = 0;
        var scraper = Create(new DelegateCollector("counted", (sink, _) =>
        {
            sink.Add(Value, Interlocked.Increment(ref runs), "counted");
            return Task.CompletedTask;
        }));

        // Off xUnit's synchronization context each await resumes on the thread that finished the
        // collection, straight away: the next scrape then arrives before the finished collection has
        // been cleared from the in-flight table.
        var seen = await Task.Run(async () =>
        {
            var values = new List<double>();
            for (var i = 0; i < 200; i++)
            {
                values.Add(Samples(await scraper.ScrapeAsync(CollectorFilter.None), "test_value")["counted"]);
            }

            return values;
        });

        seen.Should().Equal(Enumerable.Range(1, 200).Select(i => (double)i), "no scrape gets an earlier answer");
    }

    [Fact]
    public async Task Collect_and_exclude_filters_select_collectors()
    {
        var scraper = Create(
            new DelegateCollector("a", (sink, _) => { sink.Add(Value, 1, "a"); return Task.CompletedTask; }),
            new DelegateCollector("b", (sink, _) => { sink.Add(Value, 2, "b"); return Task.CompletedTask; }));

        Samples(await scraper.ScrapeAsync(new CollectorFilter(["a"], [])), "test_value").Keys.Should().Equal("a");
        Samples(await scraper.ScrapeAsync(new CollectorFilter([], ["a"])), "test_value").Keys.Should().Equal("b");
        var unknown = () => scraper.ScrapeAsync(new CollectorFilter(["nope"], []));
        await unknown.Should().ThrowAsync<ArgumentException>().WithMessage("missing collector: nope*");
    }

    [Fact]
    public void Defaults_and_overrides_decide_which_collectors_run()
    {
        var registrations = new[]
        {
            new CollectorRegistration("on", true, _ => new DelegateCollector("on", (_, _) => Task.CompletedTask)),
            new CollectorRegistration("off", false, _ => new DelegateCollector("off", (_, _) => Task.CompletedTask)),
        };

        Scraper With(PrometheusMetricsOptions o) => new(registrations, Options.Create(o), null!, NullLogger<Scraper>.Instance);

        With(new PrometheusMetricsOptions()).EnabledCollectors.Should().Equal("on");
        With(new PrometheusMetricsOptions { Collectors = { ["off"] = true } }).EnabledCollectors.Should().Equal("off", "on");
        With(new PrometheusMetricsOptions { DisableDefaultCollectors = true, Collectors = { ["off"] = true } }).EnabledCollectors.Should().Equal("off");
        With(new PrometheusMetricsOptions { Collectors = { ["on"] = false } }).EnabledCollectors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_family_another_collector_emits_with_other_labels_or_type_is_dropped_whole()
    {
        var sameShape = new MetricDescriptor("test_value", "Same type and labels.", MetricType.Gauge, "source");
        var otherLabels = new MetricDescriptor("test_value", "Other labels.", MetricType.Gauge, "file");
        var otherType = new MetricDescriptor("test_value", "Other type.", MetricType.Counter, "source");
        var scraper = Create(
            new DelegateCollector("a", (sink, _) => { sink.Add(Value, 1, "a"); return Task.CompletedTask; }),
            new DelegateCollector("b", (sink, _) => { sink.Add(otherLabels, 2, "x.prom"); return Task.CompletedTask; }),
            new DelegateCollector("c", (sink, _) => { sink.Add(otherType, 3, "c"); return Task.CompletedTask; }),
            new DelegateCollector("d", (sink, _) => { sink.Add(sameShape, 4, "d"); return Task.CompletedTask; }));

        var result = await scraper.ScrapeAsync(CollectorFilter.None);

        var family = result.Families.Single(f => f.Descriptor.Name == "test_value");
        family.Descriptor.Should().BeSameAs(Value, "the first collector in name order defines the family");
        Samples(result, "test_value").Should().BeEquivalentTo(new Dictionary<string, double> { ["a"] = 1, ["d"] = 4 });
        Samples(result, "node_scrape_collector_success").Values.Should().OnlyContain(v => v == 1);
    }

    private static Scraper Create(params ICollector[] collectors) => Create(TimeSpan.FromSeconds(5), collectors);

    private static Scraper Create(TimeSpan timeout, params ICollector[] collectors) => new(
        collectors.Select(c => new CollectorRegistration(c.Name, true, _ => c)),
        Options.Create(new PrometheusMetricsOptions { CollectorTimeout = timeout }),
        null!,
        NullLogger<Scraper>.Instance);

    /// <summary>First label value → value, for one family of a result.</summary>
    private static Dictionary<string, double> Samples(ScrapeResult result, string family) =>
        result.Families.Single(f => f.Descriptor.Name == family).Samples.ToDictionary(s => s.LabelValues[0], s => s.Value);

    private sealed class DelegateCollector(string name, Func<MetricSink, CancellationToken, Task> collect) : ICollector
    {
        public string Name => name;

        public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken) => collect(sink, cancellationToken);
    }
}
