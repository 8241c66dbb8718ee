namespace Exporter.Core.Tests.Meters;

/// <summary>A label fed with unbounded values folds into one overflow series instead of growing memory.</summary>
public sealed class CardinalityTests
{
    [Fact]
    public void Label_sets_beyond_the_limit_fold_into_the_overflow_series_and_are_counted()
    {
        using var harness = new MeterHarness(o => o.MaxSeriesPerInstrument = 4);
        var counter = harness.Meter.CreateCounter<long>("logins");
        for (var user = 0; user < 10; user++)
        {
            counter.Add(1, new KeyValuePair<string, object?>("user", user));
        }

        counter.Add(5, new KeyValuePair<string, object?>("user", 0)); // an existing series still counts normally
        counter.Add(1, new KeyValuePair<string, object?>("user", 9)); // an overflowed one goes on folding

        var scrape = harness.Scrape();
        var samples = scrape["logins_total"]!.Samples;

        samples.Should().HaveCount(4, "three label sets and the overflow series");
        samples.Single(s => s.Labels.GetValueOrDefault("user") == "0").Value.Should().Be(6);
        var overflow = samples.Single(s => s.Labels.ContainsKey("otel_metric_overflow"));
        overflow.Labels.Should().Equal(new Dictionary<string, string> { ["otel_metric_overflow"] = "true", ["otel_scope_name"] = harness.MeterName });
        overflow.Value.Should().Be(8);
        samples.Sum(s => s.Value).Should().Be(16, "nothing is lost, only folded");
        scrape["exporter_meter_overflow_measurements_total"]!.Samples.Single().Should().BeEquivalentTo(new
        {
            Labels = new Dictionary<string, string> { ["instrument"] = "logins", ["otel_scope_name"] = harness.MeterName },
            Value = 8.0,
        });
    }

    [Fact]
    public void Histograms_overflow_the_same_way()
    {
        using var harness = new MeterHarness(o => o.MaxSeriesPerInstrument = 2);
        var histogram = harness.Meter.CreateHistogram<double>("latency", "s", advice: new() { HistogramBucketBoundaries = [1] });
        for (var route = 0; route < 5; route++)
        {
            histogram.Record(0.5, new KeyValuePair<string, object?>("route", $"/r{route}"));
        }

        var counts = harness.Scrape()["latency_seconds"]!.Samples.Where(s => s.Name == "latency_seconds_count").ToList();

        counts.Should().HaveCount(2);
        counts.Single(c => c.Labels.ContainsKey("otel_metric_overflow")).Value.Should().Be(4);
    }

    [Fact]
    public void Without_an_overflow_no_self_metric_is_written()
    {
        using var harness = new MeterHarness();
        harness.Meter.CreateCounter<long>("logins").Add(1);

        harness.Scrape()["exporter_meter_overflow_measurements_total"].Should().BeNull();
    }
}
