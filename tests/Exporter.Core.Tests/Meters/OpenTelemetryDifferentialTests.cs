using System.Diagnostics.Metrics;
using Exporter.Core.Tests.Hosting;
using Exporter.TestSupport.Exposition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Xunit.Abstractions;

namespace Exporter.Core.Tests.Meters;

/// <summary>
/// The same instruments exported by the bridge and by OpenTelemetry .NET 1.20.1's Prometheus
/// exporter (OpenTelemetry.Exporter.Prometheus.AspNetCore 1.20.1-beta.1), both listening to one
/// meter in one process: the same family names, types, label sets and values, except the
/// differences docs/migration.md lists with the specification clause that decides each.
/// </summary>
public sealed class OpenTelemetryDifferentialTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(null)]
    [InlineData("application/openmetrics-text; version=1.0.0")]
    public async Task Both_exporters_write_the_same_families(string? accept)
    {
        var meterName = "Diff." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName, "1.0");
        await using var ours = await EmbeddedAppTests.StartAsync(services => services
            .AddPrometheusMetrics(EmbeddedAppTests.MetersOnly)
            .AddMeter(meterName)
            .ConfigureMeters(m => m.BuiltInMeters = false));
        await using var theirs = await StartOpenTelemetryAsync(meterName);

        Record(meter);
        var ourScrape = (await Scrapes.GetAsync(new Uri(ours.BaseAddress, "/metrics"), accept)).Body;
        var theirScrape = (await Scrapes.GetAsync(new Uri(theirs.BaseAddress, "/metrics"), accept)).Body;
        output.WriteLine($"ours ({accept}):\n{ourScrape}\ntheirs ({accept}):\n{theirScrape}");

        var ourFamilies = Families(ourScrape, meterName);
        var theirFamilies = Families(theirScrape, meterName);

        // The one difference in this set: OpenTelemetry .NET does not support decimal instruments
        // (its SDK takes byte, short, int, long, float and double), the bridge does.
        var decimalFamily = accept is null ? "diff_decimal_money_total" : "diff_decimal_money";
        ourFamilies.Keys.Should().BeEquivalentTo(theirFamilies.Keys.Append(decimalFamily));
        ourFamilies[decimalFamily].Samples.Single().Value.Should().Be(12.5);
        foreach (var (name, theirFamily) in theirFamilies)
        {
            var ourFamily = ourFamilies[name];
            ourFamily.Type.Should().Be(theirFamily.Type, name);
            // OpenTelemetry adds OpenMetrics' optional _created samples; the bridge leaves them out
            // (Prometheus 2.x stores each as one more series).
            Series(ourFamily).Should().BeEquivalentTo(Series(theirFamily).Where(s => !s.Contains("_created{", StringComparison.Ordinal)), $"the series of {name}");
        }
    }

    /// <summary>Every kind, several numeric types, units, colliding attribute keys, histograms with advice.</summary>
    private static void Record(Meter meter)
    {
        KeyValuePair<string, object?>[] get = [new("http.request.method", "GET"), new("http.response.status_code", 200)];
        var requests = meter.CreateCounter<long>("diff.requests", "{request}", "Requests served.");
        requests.Add(3, get);
        requests.Add(2, new KeyValuePair<string, object?>("http.request.method", "POST"), new("http.response.status_code", 500));
        meter.CreateCounter<double>("diff.cpu.time", "s", "CPU time.").Add(1.25, new KeyValuePair<string, object?>("cpu.mode", "user"));
        meter.CreateCounter<int>("diff.received", "By", "Bytes received.").Add(1024);
        meter.CreateCounter<short>("diff.short.events", null, "Short events.").Add(7);
        meter.CreateCounter<float>("diff.float.work", "s", "Float work.").Add(0.5f);
        meter.CreateCounter<decimal>("diff.decimal.money", "{USD}", "Money.").Add(12.5m);
        meter.CreateCounter<long>("diff.collisions", null, "Colliding keys.").Add(1, new KeyValuePair<string, object?>("a.b", "dot"), new("a_b", "underscore"));
        var depth = meter.CreateUpDownCounter<int>("diff.queue.depth", "{item}", "Items queued.");
        depth.Add(10);
        depth.Add(-4);
        meter.CreateGauge<double>("diff.temperature", "Cel", "Temperature.").Record(21.5, new KeyValuePair<string, object?>("room", "a"));
        meter.CreateObservableCounter("diff.jobs.done", () => new Measurement<long>(42, new KeyValuePair<string, object?>("queue", "q1")), "{job}", "Jobs done.");
        meter.CreateObservableUpDownCounter("diff.pool.size", () => 5L, "{connection}", "Pool size.");
        meter.CreateObservableGauge("diff.memory.usage", () => 1_048_576L, "By", "Memory in use.");
        var latency = meter.CreateHistogram<double>("diff.latency", "s", "Latency.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        foreach (var value in new[] { 0.003, 0.02, 0.02, 0.3, 4.0 })
        {
            latency.Record(value, get);
        }

        var payload = meter.CreateHistogram<long>("diff.payload", "By", "Payload size.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [100, 1000, 10000] });
        payload.Record(50);
        payload.Record(5000);
    }

    private static async Task<EmbeddedAppTests.RunningApp> StartOpenTelemetryAsync(string meterName)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(meterName).AddPrometheusExporter());
        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint();
        await app.StartAsync();
        return new EmbeddedAppTests.RunningApp(app, new Uri(app.Urls.First()));
    }

    /// <summary>The families whose samples carry the test meter's scope, by name.</summary>
    private static Dictionary<string, ParsedFamily> Families(string scrape, string meterName) =>
        ExpositionParser.Parse(scrape).Families
            .Where(f => f.Samples.Any(s => s.Labels.GetValueOrDefault("otel_scope_name") == meterName))
            .ToDictionary(f => f.Name, StringComparer.Ordinal);

    // OpenTelemetry writes le="1.0" in OpenMetrics and le="1" in text; the bridge writes the same
    // in both (Prometheus 2.x stores le as written, so one format-independent spelling keeps one
    // series). Compared as numbers.
    private static List<string> Series(ParsedFamily family) =>
        [.. family.Samples.Select(s => s with { Labels = s.Labels.ToDictionary(l => l.Key, l => l.Key == "le" ? Number(l.Value) : l.Value) }).Select(s => s.ToString())];

    private static string Number(string le) => le == "+Inf" ? le : double.Parse(le, System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
