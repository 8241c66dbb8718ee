using System.Diagnostics;

namespace Exporter.Core.Tests.Meters;

/// <summary>Recording on a known series allocates nothing; concurrent recording and scraping add up exactly.</summary>
public sealed class RecordingTests
{
    [Fact]
    public void Recording_on_an_existing_series_allocates_nothing()
    {
        using var harness = new MeterHarness();
        var counter = harness.Meter.CreateCounter<long>("requests");
        var doubles = harness.Meter.CreateCounter<double>("seconds");
        var histogram = harness.Meter.CreateHistogram<double>("latency", "s");
        var tag1 = new KeyValuePair<string, object?>("method", "GET");
        var tag2 = new KeyValuePair<string, object?>("route", "/items/{id}");
        var tag3 = new KeyValuePair<string, object?>("status", "200");
        counter.Add(1, tag1, tag2, tag3);
        doubles.Add(1, tag1, tag2, tag3);
        histogram.Record(0.1, tag1, tag2, tag3);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            counter.Add(1, tag1, tag2, tag3);
            counter.Add(1, tag3, tag1, tag2);
            doubles.Add(0.5, tag1, tag2, tag3);
            histogram.Record(i / 1000.0, tag1, tag2, tag3);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0);
        InstrumentKindsTests.Value(harness.Scrape(), "requests_total").Should().Be(20_001);
    }

    [Fact]
    public void Eight_recording_threads_and_four_scraping_threads_add_up_exactly_and_never_tear_a_histogram()
    {
        using var harness = new MeterHarness(o => o.ScopeLabels = false);
        var counter = harness.Meter.CreateCounter<long>("ops");
        var sum = harness.Meter.CreateCounter<double>("work", "s");
        var histogram = harness.Meter.CreateHistogram<double>("latency", "s", advice: new() { HistogramBucketBoundaries = [0.25, 0.5, 0.75] });
        const int threads = 8;
        const int perThread = 100_000;
        var done = 0;
        var problems = new List<string>();
        var scrapes = 0;

        var scrapers = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            try
            {
                var lastCounts = new Dictionary<string, double>();
                while (Volatile.Read(ref done) < threads)
                {
                    var scrape = harness.Scrape();
                    Interlocked.Increment(ref scrapes);
                    foreach (var series in scrape["latency_seconds"]?.Samples.GroupBy(s => s.Labels["shard"]) ?? [])
                    {
                        var buckets = series.Where(s => s.Name == "latency_seconds_bucket").Select(s => s.Value).ToList();
                        var count = series.Single(s => s.Name == "latency_seconds_count").Value;
                        var last = lastCounts.GetValueOrDefault(series.Key);
                        if (count != buckets[^1] || !buckets.SequenceEqual(buckets.Order()) || count < last)
                        {
                            lock (problems)
                            {
                                problems.Add($"torn: count {count}, buckets {string.Join(' ', buckets)}, previous count {last}");
                            }
                        }

                        lastCounts[series.Key] = count;
                    }
                }
            }
            catch (Exception e)
            {
                lock (problems)
                {
                    problems.Add(e.ToString());
                }
            }
        })).ToList();

        var recorders = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var tag = new KeyValuePair<string, object?>("shard", t % 2);
            for (var i = 0; i < perThread; i++)
            {
                counter.Add(1, tag);
                sum.Add(0.5, tag);
                histogram.Record((i % 4) / 4.0, tag);
            }

            Interlocked.Increment(ref done);
        })).ToList();

        scrapers.ForEach(s => s.Start());
        recorders.ForEach(r => r.Start());
        recorders.ForEach(r => r.Join());
        scrapers.ForEach(s => s.Join());

        problems.Should().BeEmpty();
        scrapes.Should().BeGreaterThan(4);
        var final = harness.Scrape();
        final["ops_total"]!.Samples.Sum(s => s.Value).Should().Be(threads * perThread);
        final["work_seconds_total"]!.Samples.Sum(s => s.Value).Should().Be(threads * perThread * 0.5);
        var latency = final["latency_seconds"]!.Samples;
        latency.Where(s => s.Name == "latency_seconds_count").Sum(s => s.Value).Should().Be(threads * perThread);
        latency.Where(s => s.Name == "latency_seconds_bucket" && s.Labels["le"] == "0.25").Sum(s => s.Value).Should().Be(threads * perThread / 2,
            "values 0 and 0.25 fall in the first bucket");
        latency.Where(s => s.Name == "latency_seconds_sum").Sum(s => s.Value).Should().Be(threads * perThread * 0.375);
    }

    [Fact]
    public void A_measurement_in_a_recorded_activity_keeps_recording_allocation_free_after_the_first()
    {
        using var harness = new MeterHarness();
        var counter = harness.Meter.CreateCounter<long>("requests");
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C);
        activity.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        activity.Start();
        counter.Add(1);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            counter.Add(1);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }
}
