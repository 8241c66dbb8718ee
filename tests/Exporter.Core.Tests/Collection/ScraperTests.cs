using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

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
    public async Task A_hung_collector_is_answered_for_at_the_timeout_and_not_started_twice()
    {
        var time = new FakeTimeProvider();
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var starts = 0;
        var scraper = Create(
            time,
            TimeSpan.FromSeconds(5),
            new DelegateCollector("hung", async (_, _) =>
            {
                // Ignores its token, as a call stuck in the kernel would.
                Interlocked.Increment(ref starts);
                started.TrySetResult();
                await release.Task;
            }));

        var first = scraper.ScrapeAsync(CollectorFilter.None);
        await started.Task;
        first.IsCompleted.Should().BeFalse("the scrape waits for the hung collector until the timeout");
        time.Advance(TimeSpan.FromSeconds(5));
        var result = await first;
        Samples(result, "node_scrape_collector_success")["hung"].Should().Be(0);
        Samples(result, "node_scrape_collector_duration_seconds")["hung"].Should().Be(5);

        // Answered at once, without the clock moving: the stuck call is not started again.
        var second = await scraper.ScrapeAsync(CollectorFilter.None);
        Samples(second, "node_scrape_collector_success")["hung"].Should().Be(0);
        starts.Should().Be(1, "a collector still stuck from an earlier scrape is not started again");

        // The hung call returns; once its run is let go, the next scrape starts it again.
        var stuck = scraper.CurrentRun("hung");
        stuck.Should().NotBeNull();
        release.SetResult();
        (await stuck!).Success.Should().BeTrue();
        var third = await scraper.ScrapeAsync(CollectorFilter.None);
        starts.Should().Be(2);
        Samples(third, "node_scrape_collector_success")["hung"].Should().Be(1);
    }

    [Fact]
    public async Task A_collector_that_honours_cancellation_is_reported_as_timed_out()
    {
        var time = new FakeTimeProvider();
        var started = new TaskCompletionSource();
        var scraper = Create(time, TimeSpan.FromSeconds(2), new DelegateCollector("slow", (_, ct) =>
        {
            started.TrySetResult();
            return Task.Delay(Timeout.InfiniteTimeSpan, ct);
        }));

        var scrape = scraper.ScrapeAsync(CollectorFilter.None);
        await started.Task;
        time.Advance(TimeSpan.FromSeconds(2));

        Samples(await scrape, "node_scrape_collector_success")["slow"].Should().Be(0);
    }

    [Fact]
    public async Task Inline_collectors_run_one_after_the_other_on_one_thread_and_report_their_own_duration()
    {
        var time = new FakeTimeProvider();
        var threads = new List<int>();
        var running = 0;
        var overlapped = false;
        Func<MetricSink, CancellationToken, Task> Step(TimeSpan takes) => (sink, _) =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            threads.Add(Environment.CurrentManagedThreadId);
            time.Advance(takes); // the collector's own work, on the fake clock
            Interlocked.Decrement(ref running);
            return Task.CompletedTask;
        };
        var scraper = Create(
            time,
            TimeSpan.FromSeconds(5),
            new InlineCollector("a", Step(TimeSpan.FromMilliseconds(30))),
            new InlineCollector("b", Step(TimeSpan.Zero)),
            new InlineCollector("c", Step(TimeSpan.FromMilliseconds(2))));

        var result = await scraper.ScrapeAsync(CollectorFilter.None);

        overlapped.Should().BeFalse();
        threads.Should().HaveCount(3).And.OnlyContain(t => t == threads[0]);
        Samples(result, "node_scrape_collector_duration_seconds").Should().BeEquivalentTo(
            new Dictionary<string, double> { ["a"] = 0.030, ["b"] = 0, ["c"] = 0.002 },
            "each duration is the collector's own, not the time it waited behind the others");
    }

    [Fact]
    public async Task An_inline_collector_that_hangs_costs_the_scrape_no_more_than_the_timeout()
    {
        var time = new FakeTimeProvider();
        var hung = new TaskCompletionSource();
        using var release = new ManualResetEventSlim();
        var starts = 0;
        var scraper = Create(
            time,
            TimeSpan.FromSeconds(5),
            new InlineCollector("a", (sink, _) => { sink.Add(Value, 1, "a"); return Task.CompletedTask; }),
            new InlineCollector("b", (_, _) =>
            {
                // Blocks the thread it runs on, as a read stuck in the kernel would.
                Interlocked.Increment(ref starts);
                hung.TrySetResult();
                release.Wait(CancellationToken.None);
                return Task.CompletedTask;
            }),
            new InlineCollector("c", (sink, _) => { sink.Add(Value, 3, "c"); return Task.CompletedTask; }));

        try
        {
            var first = scraper.ScrapeAsync(CollectorFilter.None);
            await hung.Task;
            time.Advance(TimeSpan.FromSeconds(5));
            var result = await first;

            Samples(result, "node_scrape_collector_success").Should().BeEquivalentTo(
                new Dictionary<string, double> { ["a"] = 1, ["b"] = 0, ["c"] = 0 },
                "c, after the hung one on the same thread, could not run before the deadline");
            Samples(result, "test_value").Should().BeEquivalentTo(new Dictionary<string, double> { ["a"] = 1 });

            // The next scrape skips the stuck collector at once and runs the others.
            var second = await scraper.ScrapeAsync(CollectorFilter.None);
            Samples(second, "node_scrape_collector_success").Should().BeEquivalentTo(
                new Dictionary<string, double> { ["a"] = 1, ["b"] = 0, ["c"] = 1 });
            starts.Should().Be(1);
        }
        finally
        {
            release.Set();
        }
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
        gate.SetResult();
        var results = await Task.WhenAll(scrapes);

        // One collection means one result, shared: the collector joining a run under way would
        // also keep runs at 1, so the result's identity is what shows the single flight.
        results.Distinct().Should().ContainSingle("a hundred concurrent scrapes cost one collection");
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

    private static Scraper Create(params ICollector[] collectors) => Create(TimeProvider.System, TimeSpan.FromSeconds(5), collectors);

    private static Scraper Create(TimeProvider time, TimeSpan timeout, params ICollector[] collectors) => new(
        collectors.Select(c => new CollectorRegistration(c.Name, true, _ => c)),
        Options.Create(new PrometheusMetricsOptions { CollectorTimeout = timeout }),
        null!,
        NullLogger<Scraper>.Instance,
        time);

    /// <summary>First label value → value, for one family of a result.</summary>
    private static Dictionary<string, double> Samples(ScrapeResult result, string family) =>
        result.Families.Single(f => f.Descriptor.Name == family).Samples.ToDictionary(s => s.LabelValues[0], s => s.Value);

    private sealed class DelegateCollector(string name, Func<MetricSink, CancellationToken, Task> collect) : ICollector
    {
        public string Name => name;

        public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken) => collect(sink, cancellationToken);
    }

    /// <summary>One that declares it never blocks, as the procfs collectors do.</summary>
    private sealed class InlineCollector(string name, Func<MetricSink, CancellationToken, Task> collect) : IInlineCollector
    {
        public string Name => name;

        public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken) => collect(sink, cancellationToken);
    }
}
