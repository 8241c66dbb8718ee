using System.Diagnostics;
using Exporter.Core.Exposition;
using Exporter.Core.Meters;

namespace Exporter.Core.Tests.Meters;

/// <summary>Labels, scope, metadata lines and name clashes, as the specification has them.</summary>
public sealed class LabelsAndNamesTests
{
    [Fact]
    public void Attributes_become_labels_and_colliding_keys_are_joined_in_key_order()
    {
        using var harness = new MeterHarness();
        var counter = harness.Meter.CreateCounter<long>("hits");
        counter.Add(1, new("http.request.method", "GET"), new("a.b", "dot"), new("a_b", "underscore"), new("a-b", "dash"));

        var sample = harness.Scrape()["hits_total"]!.Samples.Single();

        sample.Labels["http_request_method"].Should().Be("GET");
        // Ordinal order of the original keys: "a-b" < "a.b" < "a_b".
        sample.Labels["a_b"].Should().Be("dash;dot;underscore");
    }

    [Fact]
    public void The_same_tags_in_another_order_are_the_same_series()
    {
        using var harness = new MeterHarness();
        var counter = harness.Meter.CreateCounter<long>("hits");
        counter.Add(1, new("x", "1"), new("y", "2"));
        counter.Add(2, new("y", "2"), new("x", "1"));
        counter.Add(4, new KeyValuePair<string, object?>("x", 1), new("y", "2"));

        var samples = harness.Scrape()["hits_total"]!.Samples;

        samples.Should().ContainSingle().Which.Value.Should().Be(7, "an int 1 and a string \"1\" give the same label, so the same series");
    }

    [Fact]
    public void Scope_labels_name_the_meter_and_its_version_and_can_be_switched_off()
    {
        using (var harness = new MeterHarness(version: "1.2.3"))
        {
            harness.Meter.CreateCounter<long>("hits").Add(1);
            var labels = harness.Scrape()["hits_total"]!.Samples.Single().Labels;
            labels.Should().Equal(new Dictionary<string, string> { ["otel_scope_name"] = harness.MeterName, ["otel_scope_version"] = "1.2.3" });
        }

        using (var harness = new MeterHarness(o => o.ScopeLabels = false, version: "1.2.3"))
        {
            harness.Meter.CreateCounter<long>("hits").Add(1);
            harness.Scrape()["hits_total"]!.Samples.Single().Labels.Should().BeEmpty();
        }
    }

    [Fact]
    public void OpenMetrics_declares_the_unit_and_names_counters_without_total()
    {
        using var harness = new MeterHarness(o => o.ScopeLabels = false);
        harness.Meter.CreateCounter<double>("cpu.time", "s", "CPU time used.").Add(1.5);
        harness.Meter.CreateHistogram<double>("request.duration", "s", "Request time.").Record(0.1);
        harness.Meter.CreateUpDownCounter<long>("active", "{request}", "Active requests.").Add(1);

        var text = harness.Render(ExpositionFormat.OpenMetrics);

        text.Should().Contain("# HELP cpu_time_seconds CPU time used.\n# TYPE cpu_time_seconds counter\n# UNIT cpu_time_seconds seconds\ncpu_time_seconds_total 1.5\n");
        text.Should().Contain("# TYPE request_duration_seconds histogram\n# UNIT request_duration_seconds seconds\n");
        text.Should().Contain("# TYPE active gauge\nactive 1\n", "an annotation such as {request} is no unit");
        text.Should().EndWith("# EOF\n");
        harness.Render(ExpositionFormat.Text).Should().NotContain("# UNIT");
    }

    [Fact]
    public void Without_suffixes_no_unit_is_declared_and_counters_are_unknown_in_OpenMetrics()
    {
        using var harness = new MeterHarness(o => o.NameTranslation = MetricNameTranslation.UnderscoreEscapingWithoutSuffixes);
        harness.Meter.CreateCounter<double>("cpu.time", "s").Add(1);

        var text = harness.Render(ExpositionFormat.OpenMetrics);

        text.Should().Contain("# TYPE cpu_time unknown\n").And.NotContain("# UNIT");
    }

    [Fact]
    public void PrometheusNet_mode_prefixes_the_meter_and_drops_scope_labels()
    {
        using var harness = new MeterHarness(o => o.NameTranslation = MetricNameTranslation.PrometheusNetCompatible);
        harness.Meter.CreateCounter<long>("orders.placed", "{order}").Add(2, new KeyValuePair<string, object?>("Region", "EU"));

        var family = harness.Scrape().Families.Single();

        family.Name.Should().Be(harness.MeterName.ToLowerInvariant().Replace('.', '_') + "_orders_placed");
        family.Samples.Single().Labels.Should().Equal(new Dictionary<string, string> { ["region"] = "EU" });
    }

    [Fact]
    public void A_name_exported_with_two_types_keeps_the_first_and_logs_the_second()
    {
        var logger = new RecordingLogger();
        using var harness = new MeterHarness(logger: logger);
        harness.Meter.CreateCounter<long>("jobs").Add(1);
        harness.Meter.CreateUpDownCounter<long>("jobs_total").Add(5);

        var family = harness.Scrape()["jobs_total"]!;

        family.Type.Should().Be("counter");
        family.Samples.Single().Value.Should().Be(1);
        logger.Messages.Should().ContainSingle(m => m.StartsWith("Warning", StringComparison.Ordinal) && m.Contains("jobs_total", StringComparison.Ordinal) && m.Contains("dropped", StringComparison.Ordinal));
    }

    [Fact]
    public void Target_info_carries_the_resource_when_one_is_configured()
    {
        using var harness = new MeterHarness(o =>
        {
            o.Resource["service.name"] = "checkout";
            o.Resource["deployment.environment"] = "prod";
        });

        var scrape = harness.Scrape();
        var openMetrics = harness.Render(ExpositionFormat.OpenMetrics);

        scrape["target_info"]!.Samples.Single().Labels.Should().Equal(new Dictionary<string, string> { ["deployment_environment"] = "prod", ["service_name"] = "checkout" });
        openMetrics.Should().Contain("# TYPE target info\ntarget_info{deployment_environment=\"prod\",service_name=\"checkout\"} 1\n");
        using var without = new MeterHarness();
        without.Scrape()["target_info"].Should().BeNull();
    }

    [Fact]
    public void Exemplars_carry_the_recorded_activity_in_OpenMetrics_only()
    {
        using var harness = new MeterHarness(o => o.ScopeLabels = false);
        var counter = harness.Meter.CreateCounter<long>("orders");
        var histogram = harness.Meter.CreateHistogram<double>("latency", "s", advice: new() { HistogramBucketBoundaries = [1] });
        var gauge = harness.Meter.CreateGauge<long>("temperature");
        counter.Add(1); // outside any activity: no exemplar
        using (var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C))
        {
            activity.ActivityTraceFlags = ActivityTraceFlags.Recorded;
            activity.Start();
            counter.Add(2);
            histogram.Record(0.5);
            gauge.Record(3);
            var traceId = activity.TraceId.ToHexString();
            var spanId = activity.SpanId.ToHexString();
            activity.Stop();

            var openMetrics = harness.Render(ExpositionFormat.OpenMetrics);
            openMetrics.Should().MatchRegex($"orders_total 3 # {{trace_id=\"{traceId}\",span_id=\"{spanId}\"}} 2 [0-9.]+\n");
            openMetrics.Should().MatchRegex($"latency_seconds_bucket{{le=\"1\"}} 1 # {{trace_id=\"{traceId}\",span_id=\"{spanId}\"}} 0.5 [0-9.]+\n");
            openMetrics.Should().Contain("latency_seconds_bucket{le=\"+Inf\"} 1\n", "only the bucket the measurement fell in has it");
            openMetrics.Should().Contain("temperature 3\n", "gauges never carry exemplars");
            harness.Render(ExpositionFormat.Text).Should().NotContain("trace_id");
        }

        using var unsampled = new MeterHarness(o => o.ScopeLabels = false);
        using var notRecorded = new Activity("not recorded").SetIdFormat(ActivityIdFormat.W3C).Start();
        unsampled.Meter.CreateCounter<long>("orders").Add(1);
        unsampled.Render(ExpositionFormat.OpenMetrics).Should().Contain("orders_total 1\n");
    }

    [Fact]
    public void Exemplars_can_be_switched_off()
    {
        using var harness = new MeterHarness(o => o.Exemplars = false);
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C);
        activity.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        activity.Start();
        harness.Meter.CreateCounter<long>("orders").Add(1);

        harness.Render(ExpositionFormat.OpenMetrics).Should().NotContain("trace_id");
    }
}
