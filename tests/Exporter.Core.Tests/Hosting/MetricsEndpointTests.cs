using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Exporter.TestSupport.Exposition;
using Microsoft.Extensions.DependencyInjection;

namespace Exporter.Core.Tests.Hosting;

/// <summary>
/// The endpoint encodes the body straight into the response, flushing as it goes: a body many
/// flushes long arrives whole and in order, plain or gzipped, in both formats, byte for byte the
/// body the scraper's result encodes on its own.
/// </summary>
public sealed class MetricsEndpointTests
{
    [Theory]
    [InlineData(ExpositionFormat.Text, null)]
    [InlineData(ExpositionFormat.Text, "gzip")]
    [InlineData(ExpositionFormat.OpenMetrics, null)]
    [InlineData(ExpositionFormat.OpenMetrics, "gzip")]
    public async Task A_body_of_many_flushes_arrives_whole(ExpositionFormat format, string? acceptEncoding)
    {
        await using var app = await EmbeddedAppTests.StartAsync(services => services
            .AddPrometheusMetrics(EmbeddedAppTests.MetersOnly)
            .AddMeter("Many")
            .ConfigureMeters(m => m.BuiltInMeters = false));
        using var meter = new Meter("Many");
        for (var c = 0; c < 8; c++)
        {
            var counter = meter.CreateCounter<long>($"requests.{c}");
            for (var s = 0; s < 500; s++)
            {
                counter.Add(s, new KeyValuePair<string, object?>("route", string.Create(CultureInfo.InvariantCulture, $"/route/{s}")));
            }
        }

        var accept = format == ExpositionFormat.OpenMetrics ? "application/openmetrics-text; version=1.0.0" : null;
        var response = await Scrapes.GetAsync(new Uri(app.BaseAddress, "/metrics"), accept, acceptEncoding);

        response.ContentEncoding.Should().Be(acceptEncoding);
        var scraper = app.App.Services.GetRequiredService<Scraper>();
        var expected = Encoding.UTF8.GetString((await scraper.ScrapeAsync(CollectorFilter.None)).GetBody(format, gzip: false));
        expected.Length.Should().BeGreaterThan(4 * ExpositionWriter.FlushThreshold, "the body must take several flushes");
        Stable(response.Body).Should().Be(Stable(expected));
        response.Body.Should().Contain("requests_7_total{otel_scope_name=\"Many\",route=\"/route/499\"} 499\n");
    }

    /// <summary>Leaves out the two samples that change from one scrape to the next.</summary>
    private static string Stable(string body) => string.Join('\n', body.Split('\n').Where(l =>
        !l.StartsWith("exporter_scrapes_total ", StringComparison.Ordinal) &&
        !l.StartsWith("node_scrape_collector_duration_seconds{", StringComparison.Ordinal)));
}
