using System.Diagnostics.Metrics;
using Exporter.TestSupport.Exposition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace Exporter.PrometheusNet.Tests;

/// <summary>
/// An app instrumented with the real prometheus-net 8.2.1 (Metrics.CreateCounter, a histogram,
/// UseHttpMetrics) serves those metrics on the exporter's endpoint beside its .NET meters: the
/// prometheus-net families exactly as prometheus-net's own endpoint writes them.
/// </summary>
public sealed class PrometheusNetInteropTests
{
    static PrometheusNetInteropTests() => Metrics.SuppressDefaultMetrics();

    [Fact]
    public async Task PrometheusNet_metrics_are_served_beside_the_meters_as_prometheus_net_writes_them()
    {
        var orders = Metrics.CreateCounter("shop_orders_total", "Orders placed.", "region");
        var basket = Metrics.CreateHistogram("shop_basket_value", "Basket value.", new HistogramConfiguration { Buckets = [10, 100] });
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddPrometheusMetrics(o =>
        {
            o.DisableDefaultCollectors = true;
            o.Collectors["meters"] = true;
            o.Collectors[PrometheusNetMetricsBuilderExtensions.CollectorName] = true;
        }).AddPrometheusNet().AddMeter("Shop");
        await using var app = builder.Build();
        app.UseRouting();
        app.UseHttpMetrics();
        app.MapGet("/items/{id}", (RequestDelegate)(context => context.Response.WriteAsync("item")));
        app.MapPrometheusMetrics("/metrics");
        app.MapMetrics("/prometheus-net");
        await app.StartAsync();
        var baseAddress = new Uri(app.Urls.First());
        using var meter = new Meter("Shop");
        meter.CreateCounter<long>("shop.refunds", "{refund}", "Refunds.").Add(1);
        orders.WithLabels("eu").Inc(3);
        basket.Observe(42);
        using var client = new HttpClient { BaseAddress = baseAddress };
        await client.GetStringAsync("/items/1");

        var ours = (await Scrapes.GetAsync(new Uri(baseAddress, "/metrics"))).Parse();
        var theirs = (await Scrapes.GetAsync(new Uri(baseAddress, "/prometheus-net"))).Parse();

        ours["shop_refunds_total"]!.Samples.Single().Value.Should().Be(1, "the app's meter");
        ours["http_server_request_duration_seconds"].Should().NotBeNull("ASP.NET Core's own meter");
        foreach (var name in new[] { "shop_orders_total", "shop_basket_value", "http_requests_received_total", "http_request_duration_seconds" })
        {
            var mine = ours[name];
            mine.Should().NotBeNull(name);
            mine!.Type.Should().Be(theirs[name]!.Type, name);
            mine.Help.Should().Be(theirs[name]!.Help, name);
        }

        ours["shop_orders_total"]!.Samples.Single().ToString().Should().Be("shop_orders_total{region=\"eu\"} 3");
        ours["shop_basket_value"]!.Samples.Select(s => s.ToString()).Should().Equal(theirs["shop_basket_value"]!.Samples.Select(s => s.ToString()));
        ours["http_requests_received_total"]!.Samples.Should().Contain(s => s.Labels["endpoint"] == "/items/{id}" && s.Value == 1);
        ours.Samples.Select(s => s.Labels.GetValueOrDefault("collector")).Should().Contain("prometheus_net");
        await app.StopAsync();
    }
}
