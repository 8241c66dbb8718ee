using System.Diagnostics.Metrics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Prometheus;
using ExpositionFormat = Exporter.Core.Exposition.ExpositionFormat;

namespace Exporter.Benchmarks;

/// <summary>
/// One scrape of 10,000 series (10 counters of 995 series each, one histogram of 50 series with
/// 14 buckets) in the text format and in OpenMetrics. "Http": a GET /metrics through ASP.NET Core's
/// in-memory TestServer, the same for the three libraries (the bridge; OpenTelemetry 1.20.1's
/// Prometheus exporter, response cache off; prometheus-net 8.2.1's MapMetrics), the client reading the
/// body into one reused buffer as a scraper does, so the rows measure the servers rather than the
/// client's garbage (HttpClient's ReadAsByteArrayAsync grows a MemoryStream to twice the body and
/// copies it once more). "Body": the bridge's
/// scraper producing the body, and prometheus-net's registry serializing into a stream, without HTTP.
/// </summary>
[MemoryDiagnoser]
public class MeterScrapeBenchmarks
{
    private const int Counters = 10;
    private const int SeriesPerCounter = 995;
    private const int HistogramSeries = 50;

    private readonly List<IDisposable> _disposables = [];
    private WebApplication _ours = null!;
    private WebApplication _otel = null!;
    private WebApplication _promNet = null!;
    private HttpClient _ourClient = null!;
    private HttpClient _otelClient = null!;
    private HttpClient _promNetClient = null!;
    private Scraper _scraper = null!;
    private CollectorRegistry _registry = null!;

    [Params(ExpositionFormat.Text, ExpositionFormat.OpenMetrics)]
    public ExpositionFormat Format { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        (_ours, _ourClient) = await StartAsync(services => services.AddPrometheusMetrics(o =>
        {
            o.DisableDefaultCollectors = true;
            o.Collectors["meters"] = true;
            o.Meters.BuiltInMeters = false;
        }).AddMeter("Bench.Scrape.Ours"), app => app.MapPrometheusMetrics("/metrics"));
        (_otel, _otelClient) = await StartAsync(
            services => services.AddOpenTelemetry().WithMetrics(m => m.AddMeter("Bench.Scrape.Otel").AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0)),
            app => app.MapPrometheusScrapingEndpoint());
        _registry = Metrics.NewCustomRegistry();
        (_promNet, _promNetClient) = await StartAsync(_ => { }, app => app.MapMetrics("/metrics", _registry));
        _scraper = _ours.Services.GetRequiredService<Scraper>();

        Record(new Meter("Bench.Scrape.Ours"));
        Record(new Meter("Bench.Scrape.Otel"));
        RecordPrometheusNet(Metrics.WithCustomRegistry(_registry));
        var body = await _ourClient.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Console.WriteLine($"// ours: {body.Split('\n').Count(l => l.Length > 0 && l[0] != '#')} sample lines, {body.Length} bytes of text");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (var app in new[] { _ours, _otel, _promNet })
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        _disposables.ForEach(d => d.Dispose());
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("http")]
    public Task<long> Http_Ours() => GetAsync(_ourClient);

    [Benchmark]
    [BenchmarkCategory("http")]
    public Task<long> Http_OpenTelemetry() => GetAsync(_otelClient);

    [Benchmark]
    [BenchmarkCategory("http")]
    public Task<long> Http_PrometheusNet() => GetAsync(_promNetClient);

    [Benchmark]
    [BenchmarkCategory("body")]
    public async Task<int> Body_Ours() => (await _scraper.ScrapeAsync(CollectorFilter.None)).GetBody(Format, gzip: false).Length;

    [Benchmark]
    [BenchmarkCategory("body")]
    public async Task<long> Body_PrometheusNet()
    {
        using var stream = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(stream, Format == ExpositionFormat.OpenMetrics ? Prometheus.ExpositionFormat.OpenMetricsText : Prometheus.ExpositionFormat.PrometheusText);
        return stream.Length;
    }

    private readonly byte[] _readBuffer = new byte[64 * 1024];

    private Task<long> GetAsync(HttpClient client)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (Format == ExpositionFormat.OpenMetrics)
        {
            request.Headers.TryAddWithoutValidation("Accept", "application/openmetrics-text; version=1.0.0");
        }

        return Send(client, request, _readBuffer);

        static async Task<long> Send(HttpClient client, HttpRequestMessage request, byte[] buffer)
        {
            using (request)
            using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
            {
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync();
                long total = 0;
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    total += read;
                }

                return total;
            }
        }
    }

    private static async Task<(WebApplication, HttpClient)> StartAsync(Action<IServiceCollection> services, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        services(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return (app, app.GetTestClient());
    }

    private void Record(Meter meter)
    {
        _disposables.Add(meter);
        for (var c = 0; c < Counters; c++)
        {
            var counter = meter.CreateCounter<long>($"requests.{c}", "{request}", "Requests.");
            for (var s = 0; s < SeriesPerCounter; s++)
            {
                counter.Add(s + 1, new("route", $"/route/{s}"), new("method", "GET"));
            }
        }

        var histogram = meter.CreateHistogram<double>("duration", "s", "Duration.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
        for (var s = 0; s < HistogramSeries; s++)
        {
            histogram.Record(s / 10.0, new KeyValuePair<string, object?>("route", $"/route/{s}"));
        }
    }

    private static void RecordPrometheusNet(IMetricFactory factory)
    {
        for (var c = 0; c < Counters; c++)
        {
            var counter = factory.CreateCounter($"requests_{c}_total", "Requests.", ["route", "method"]);
            for (var s = 0; s < SeriesPerCounter; s++)
            {
                counter.WithLabels($"/route/{s}", "GET").Inc(s + 1);
            }
        }

        var histogram = factory.CreateHistogram("duration_seconds", "Duration.", ["route"],
            new Prometheus.HistogramConfiguration { Buckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
        for (var s = 0; s < HistogramSeries; s++)
        {
            histogram.WithLabels(string.Create(CultureInfo.InvariantCulture, $"/route/{s}")).Observe(s / 10.0);
        }
    }
}
