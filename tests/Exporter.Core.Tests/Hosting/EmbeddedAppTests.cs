using System.Diagnostics.Metrics;
using Exporter.TestSupport.Exposition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Exporter.Core.Tests.Hosting;

/// <summary>
/// A real ASP.NET Core app on Kestrel that adds the library with no meter configuration: the
/// framework's and the runtime's meters appear, the app's own by wildcard, scrapes do not count
/// themselves.
/// </summary>
public sealed class EmbeddedAppTests
{
    [Fact]
    public async Task Framework_runtime_and_app_meters_are_served_with_no_configuration()
    {
        await using var app = await StartAsync(services => services
            .AddPrometheusMetrics(MetersOnly)
            .AddMeter("Orders.*"));
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var meters = app.App.Services.GetRequiredService<IMeterFactory>();
        meters.Create("Orders.Api").CreateCounter<long>("orders.placed", "{order}", "Orders placed.").Add(3);
        meters.Create("Other.Library").CreateCounter<long>("ignored").Add(1);

        (await client.GetStringAsync("/items/1")).Should().Be("item 1");
        (await client.GetStringAsync("/items/2")).Should().Be("item 2");
        await client.GetStringAsync("/metrics");
        var scrape = (await Scrapes.GetAsync(new Uri(app.BaseAddress, "/metrics"))).Parse();

        var requests = scrape["http_server_request_duration_seconds"]!;
        requests.Type.Should().Be("histogram");
        var count = requests.Samples.Single(s => s.Name == "http_server_request_duration_seconds_count");
        count.Value.Should().Be(2, "the two item requests; scrapes of /metrics are not counted");
        count.Labels.Should().Contain(new Dictionary<string, string>
        {
            ["otel_scope_name"] = "Microsoft.AspNetCore.Hosting",
            ["http_route"] = "/items/{id}",
            ["http_request_method"] = "GET",
            ["http_response_status_code"] = "200",
        });
        requests.Samples.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).Select(s => s.Labels["le"])
            .Should().StartWith(["0.005", "0.01", "0.025"], "ASP.NET Core's bucket advice");
        scrape["dotnet_gc_collections_total"]!.Type.Should().Be("counter");
        scrape["dotnet_thread_pool_thread_count"]!.Type.Should().Be("gauge");
        scrape["dotnet_process_memory_working_set_bytes"]!.Samples.Single().Value.Should().BeGreaterThan(0);
        scrape["kestrel_active_connections"].Should().NotBeNull();
        scrape["orders_placed_total"]!.Samples.Single().Value.Should().Be(3);
        scrape.Families.Should().NotContain(f => f.Name.StartsWith("ignored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Built_in_meters_can_be_switched_off_and_meters_excluded()
    {
        await using var app = await StartAsync(services => services
            .AddPrometheusMetrics(MetersOnly)
            .AddMeter("*")
            .ConfigureMeters(m =>
            {
                m.BuiltInMeters = false;
                m.Exclude.Add("System.*");
                m.Exclude.Add("Microsoft.*");
            }));
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        app.App.Services.GetRequiredService<IMeterFactory>().Create("Billing").CreateCounter<long>("invoices").Add(1);
        await client.GetStringAsync("/items/1");

        var scrape = (await Scrapes.GetAsync(new Uri(app.BaseAddress, "/metrics"))).Parse();

        scrape["invoices_total"].Should().NotBeNull();
        scrape.Families.Should().NotContain(f => f.Name.StartsWith("http_server", StringComparison.Ordinal) || f.Name.StartsWith("dotnet_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_app_meter_counts_what_happened_before_the_first_scrape()
    {
        await using var app = await StartAsync(services => services.AddPrometheusMetrics(MetersOnly).AddMeter("Early"));
        using var meter = new Meter("Early");
        meter.CreateCounter<long>("events").Add(5);

        var scrape = (await Scrapes.GetAsync(new Uri(app.BaseAddress, "/metrics"))).Parse();

        scrape["events_total"]!.Samples.Single().Value.Should().Be(5);
    }

    /// <summary>The meters collector alone: the host collectors would only slow the test down.</summary>
    internal static void MetersOnly(PrometheusMetricsOptions options)
    {
        options.DisableDefaultCollectors = true;
        options.Collectors["meters"] = true;
    }

    internal static async Task<RunningApp> StartAsync(Action<IServiceCollection> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        configure(builder.Services);
        var app = builder.Build();
        app.MapGet("/items/{id}", (RequestDelegate)(context => context.Response.WriteAsync($"item {context.Request.RouteValues["id"]}")));
        app.MapPrometheusMetrics();
        await app.StartAsync();
        return new RunningApp(app, new Uri(app.Urls.First()));
    }

    internal sealed record RunningApp(WebApplication App, Uri BaseAddress) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
