using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Exporter.Core.Meters;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Exporter.Benchmarks;

/// <summary>
/// One measurement with three tags on an existing series: a counter and a histogram, recorded
/// through the meter bridge, through OpenTelemetry 1.20.1's SDK (with its Prometheus exporter), and
/// with prometheus-net 8.2.1's own API (WithLabels(...).Inc() / Observe()). Each library listens to
/// a meter of its own.
/// </summary>
[MemoryDiagnoser]
public class MeterRecordingBenchmarks
{
    private static readonly KeyValuePair<string, object?> Method = new("http.request.method", "GET");
    private static readonly KeyValuePair<string, object?> Route = new("http.route", "/items/{id}");
    private static readonly KeyValuePair<string, object?> Status = new("http.response.status_code", "200");

    private Meter _ourMeter = null!;
    private Meter _otelMeter = null!;
    private MeterBridge _bridge = null!;
    private MeterProvider _otel = null!;
    private Counter<long> _ourCounter = null!;
    private Counter<long> _otelCounter = null!;
    private Histogram<double> _ourHistogram = null!;
    private Histogram<double> _otelHistogram = null!;
    private Prometheus.Counter _promCounter = null!;
    private Prometheus.Histogram _promHistogram = null!;
    private double _value;

    [GlobalSetup]
    public void Setup()
    {
        var options = new MeterExportOptions { BuiltInMeters = false };
        options.Include.Add("Bench.Recording.Ours");
        _bridge = new MeterBridge(options, meterFactory: null, TimeProvider.System, NullLogger.Instance);
        _otel = Sdk.CreateMeterProviderBuilder().AddMeter("Bench.Recording.Otel").AddPrometheusExporter().Build()!;
        _ourMeter = new Meter("Bench.Recording.Ours");
        _otelMeter = new Meter("Bench.Recording.Otel");
        _ourCounter = _ourMeter.CreateCounter<long>("requests");
        _otelCounter = _otelMeter.CreateCounter<long>("requests");
        _ourHistogram = _ourMeter.CreateHistogram<double>("duration", "s");
        _otelHistogram = _otelMeter.CreateHistogram<double>("duration", "s");
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _promCounter = factory.CreateCounter("requests_total", "Requests.", "method", "route", "status");
        _promHistogram = factory.CreateHistogram("duration_seconds", "Duration.", ["method", "route", "status"]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ourMeter.Dispose();
        _otelMeter.Dispose();
        _bridge.Dispose();
        _otel.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("counter")]
    public void Counter_Ours() => _ourCounter.Add(1, Method, Route, Status);

    [Benchmark]
    [BenchmarkCategory("counter")]
    public void Counter_OpenTelemetry() => _otelCounter.Add(1, Method, Route, Status);

    [Benchmark]
    [BenchmarkCategory("counter")]
    public void Counter_PrometheusNet() => _promCounter.WithLabels("GET", "/items/{id}", "200").Inc();

    [Benchmark]
    [BenchmarkCategory("histogram")]
    public void Histogram_Ours() => _ourHistogram.Record(Next(), Method, Route, Status);

    [Benchmark]
    [BenchmarkCategory("histogram")]
    public void Histogram_OpenTelemetry() => _otelHistogram.Record(Next(), Method, Route, Status);

    [Benchmark]
    [BenchmarkCategory("histogram")]
    public void Histogram_PrometheusNet() => _promHistogram.WithLabels("GET", "/items/{id}", "200").Observe(Next());

    // Values spread over the buckets, as request durations are.
    private double Next() => _value = _value > 2 ? 0.001 : _value + 0.037;
}
