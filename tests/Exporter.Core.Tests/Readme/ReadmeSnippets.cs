using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Exporter.Core.Meters;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;
using ICollector = Exporter.Core.Collection.ICollector;

namespace Exporter.Core.Tests.Readme;

/// <summary>
/// The C# blocks of README.md and src/Exporter.Core/README.md, verbatim (a block's "// ..." stands
/// for lines of this file in between). <see cref="ReadmeSnippetTests"/> checks that every block is
/// here and runs each snippet, so the README cannot show code that does not compile or work.
/// </summary>
internal static class ReadmeSnippets
{
    public static WebApplication TwoLines(WebApplicationBuilder builder)
    {
        builder.Services.AddPrometheusMetrics(builder.Configuration.GetSection("Exporter"))
            .AddMeter("MyCompany.*");               // your meters; .NET's and ASP.NET Core's need no line
        var app = builder.Build();
        app.MapPrometheusMetrics("/metrics");       // returns IEndpointConventionBuilder:
                                                    // .RequireAuthorization(), .RequireHost(...)
        return app;
    }

    public static WebApplication PackageTwoLines(WebApplicationBuilder builder)
    {
        builder.Services.AddPrometheusMetrics()
            .AddMeter("MyCompany.*");               // your meters; .NET's and ASP.NET Core's need no line
        var app = builder.Build();
        app.MapPrometheusMetrics("/metrics");       // returns IEndpointConventionBuilder:
                                                    // .RequireAuthorization(), .RequireHost(...)
        return app;
    }

    public static WebApplication MeterSettings(WebApplicationBuilder builder)
    {
        builder.Services.AddPrometheusMetrics()
            .AddMeter("MyCompany.*", "Orders.Api")
            .ConfigureMeters(meters =>
            {
                meters.Exclude.Add("Microsoft.AspNetCore.Routing");
                meters.HistogramBuckets["orders.processing.duration"] = [0.1, 0.5, 1, 5, 30];
                meters.Resource["service.name"] = "orders";        // exported as target_info
                meters.NameTranslation = MetricNameTranslation.UnderscoreEscapingWithSuffixes;
            });
        var app = builder.Build();
        app.MapPrometheusMetrics("/metrics");
        return app;
    }

    public static WebApplication OwnCollector(WebApplicationBuilder builder)
    {
        builder.Services.AddPrometheusMetrics().AddCollector("myapp", sp => new MyCollector());
        var app = builder.Build();
        app.MapPrometheusMetrics("/metrics");
        return app;
    }

    public static WebApplication PrometheusNetInterop(WebApplicationBuilder builder)
    {
        Metrics.SuppressDefaultMetrics();           // process and runtime metrics come from the meters
        builder.Services.AddPrometheusMetrics().AddPrometheusNet();
        var app = builder.Build();
        app.UseRouting();
        app.UseHttpMetrics();
        app.MapPrometheusMetrics("/metrics");
        return app;
    }
}

#pragma warning disable SA1400, IDE0040 // The README's class, verbatim: no access modifiers.
sealed class MyCollector : ICollector
{
    static readonly MetricDescriptor Jobs = new("myapp_jobs", "Jobs waiting.", MetricType.Gauge, "queue");
    public string Name => "myapp";
    public Task CollectAsync(MetricSink sink, CancellationToken ct)
    {
        sink.Add(Jobs, 42, "default");
        return Task.CompletedTask;
    }
}
