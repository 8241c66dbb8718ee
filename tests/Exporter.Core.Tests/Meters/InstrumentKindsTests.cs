using System.Diagnostics.Metrics;
using Exporter.Core.Exposition;
using Exporter.Core.Meters;

namespace Exporter.Core.Tests.Meters;

/// <summary>Every instrument kind and every numeric type comes out with the right type and value.</summary>
public sealed class InstrumentKindsTests
{
    [Fact]
    public void Counters_of_every_numeric_type_sum_their_increments()
    {
        using var harness = new MeterHarness();
        var meter = harness.Meter;
        meter.CreateCounter<byte>("c.byte").Add(3);
        meter.CreateCounter<short>("c.short").Add(300);
        meter.CreateCounter<int>("c.int").Add(70000);
        var longCounter = meter.CreateCounter<long>("c.long");
        longCounter.Add(5_000_000_000);
        longCounter.Add(1);
        var floatCounter = meter.CreateCounter<float>("c.float");
        floatCounter.Add(0.5f);
        floatCounter.Add(0.25f);
        meter.CreateCounter<double>("c.double").Add(1.125);
        meter.CreateCounter<decimal>("c.decimal").Add(2.5m);

        var scrape = harness.Scrape();

        Value(scrape, "c_byte_total").Should().Be(3);
        Value(scrape, "c_short_total").Should().Be(300);
        Value(scrape, "c_int_total").Should().Be(70000);
        Value(scrape, "c_long_total").Should().Be(5_000_000_001);
        Value(scrape, "c_float_total").Should().Be(0.75);
        Value(scrape, "c_double_total").Should().Be(1.125);
        Value(scrape, "c_decimal_total").Should().Be(2.5);
        scrape.Families.Should().OnlyContain(f => f.Type == "counter");
    }

    [Fact]
    public void UpDownCounters_and_gauges_are_gauges()
    {
        using var harness = new MeterHarness();
        var upDown = harness.Meter.CreateUpDownCounter<int>("queue.depth", "{item}");
        upDown.Add(5);
        upDown.Add(-2);
        var gauge = harness.Meter.CreateGauge<double>("temperature", "Cel");
        gauge.Record(21.5);
        gauge.Record(19.25);

        var scrape = harness.Scrape();

        scrape["queue_depth"]!.Type.Should().Be("gauge");
        Value(scrape, "queue_depth").Should().Be(3);
        scrape["temperature_celsius"]!.Type.Should().Be("gauge");
        Value(scrape, "temperature_celsius").Should().Be(19.25);
    }

    [Fact]
    public void Observable_instruments_report_what_their_callback_returns_now()
    {
        using var harness = new MeterHarness();
        long total = 10;
        var pools = new List<Measurement<int>> { new(4, new KeyValuePair<string, object?>("pool", "a")), new(7, new KeyValuePair<string, object?>("pool", "b")) };
        harness.Meter.CreateObservableCounter("jobs.done", () => total, "{job}", "Jobs done since start.");
        harness.Meter.CreateObservableUpDownCounter("pool.size", () => pools);
        harness.Meter.CreateObservableGauge("load", () => 0.75);

        var first = harness.Scrape();
        total = 25;
        pools.RemoveAt(0);
        var second = harness.Scrape();

        first["jobs_done_total"]!.Type.Should().Be("counter");
        Value(first, "jobs_done_total").Should().Be(10);
        Value(second, "jobs_done_total").Should().Be(25, "an observable counter's value is the cumulative total, not an increment");
        first["pool_size"]!.Samples.Select(s => s.Labels["pool"]).Should().Equal("a", "b");
        second["pool_size"]!.Samples.Select(s => s.Labels["pool"]).Should().Equal(["b"], "a series the callback stopped reporting is gone");
        Value(second, "load").Should().Be(0.75);
        second["load"]!.Type.Should().Be("gauge");
    }

    [Fact]
    public void The_runtime_thread_pool_counts_are_gauges_though_published_as_counters()
    {
        using var meter = new Meter("System.Runtime");
        var threads = meter.CreateObservableCounter("dotnet.thread_pool.thread.count", () => 4L);
        var completed = meter.CreateObservableCounter("dotnet.thread_pool.work_item.count", () => 4L);

        InstrumentKind.Of(threads)!.Value.Type.Should().Be(MetricType.Gauge);
        InstrumentKind.Of(completed)!.Value.Type.Should().Be(MetricType.Counter);
    }

    [Fact]
    public void Histograms_of_integers_and_floats_have_cumulative_buckets_sum_and_count()
    {
        using var harness = new MeterHarness();
        var ints = harness.Meter.CreateHistogram<int>("payload.size", "By", advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [100, 1000] });
        foreach (var size in new[] { 50, 100, 500, 5000 })
        {
            ints.Record(size);
        }

        var floats = harness.Meter.CreateHistogram<float>("wait", "s", advice: new InstrumentAdvice<float> { HistogramBucketBoundaries = [0.5f] });
        floats.Record(0.25f);
        floats.Record(2f);

        var scrape = harness.Scrape();

        var payload = scrape["payload_size_bytes"]!;
        payload.Type.Should().Be("histogram");
        payload.Samples.Select(s => s.ToString()).Should().Equal(
            $"payload_size_bytes_bucket{{le=\"100\",otel_scope_name=\"{harness.MeterName}\"}} 2",
            $"payload_size_bytes_bucket{{le=\"1000\",otel_scope_name=\"{harness.MeterName}\"}} 3",
            $"payload_size_bytes_bucket{{le=\"+Inf\",otel_scope_name=\"{harness.MeterName}\"}} 4",
            $"payload_size_bytes_sum{{otel_scope_name=\"{harness.MeterName}\"}} 5650",
            $"payload_size_bytes_count{{otel_scope_name=\"{harness.MeterName}\"}} 4");
        Value(scrape, "wait_seconds_sum").Should().Be(2.25);
        Value(scrape, "wait_seconds_count").Should().Be(2);
    }

    [Fact]
    public void Bucket_bounds_come_from_the_setting_then_the_advice_then_the_default()
    {
        using var harness = new MeterHarness(o =>
        {
            o.HistogramBuckets["overridden"] = [1, 2];
            o.DefaultHistogramBuckets = [0.1, 10];
        });
        harness.Meter.CreateHistogram<double>("overridden", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5] }).Record(1);
        harness.Meter.CreateHistogram<double>("advised", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 50] }).Record(1);
        harness.Meter.CreateHistogram<double>("plain").Record(1);

        var scrape = harness.Scrape();

        Bounds(scrape, "overridden").Should().Equal("1", "2", "+Inf");
        Bounds(scrape, "advised").Should().Equal("5", "50", "+Inf");
        Bounds(scrape, "plain").Should().Equal("0.1", "10", "+Inf");
    }

    [Fact]
    public void Without_a_setting_histograms_without_advice_get_second_sized_buckets()
    {
        using var harness = new MeterHarness();
        harness.Meter.CreateHistogram<double>("job.duration", "s").Record(0.2);

        Bounds(harness.Scrape(), "job_duration_seconds").Should().Equal(
            "0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1", "2.5", "5", "7.5", "10", "+Inf");
    }

    internal static double Value(Exporter.TestSupport.Exposition.ParsedExposition scrape, string sample) =>
        scrape.Samples.Single(s => s.Name == sample).Value;

    private static IEnumerable<string> Bounds(Exporter.TestSupport.Exposition.ParsedExposition scrape, string family) =>
        scrape[family]!.Samples.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).Select(s => s.Labels["le"]);
}
