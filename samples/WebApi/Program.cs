using System.Diagnostics.Metrics;

var builder = WebApplication.CreateBuilder(args);

// Every .NET and ASP.NET Core meter is exported with no configuration; name your own.
// The sample serves only what the app measures: the host collectors (CPU, disks...) are off.
builder.Services.AddPrometheusMetrics(options =>
    {
        options.DisableDefaultCollectors = true;
        options.Collectors["meters"] = true;
    })
    .AddMeter("Sample.Orders");
builder.Services.AddSingleton<OrderMetrics>();

var app = builder.Build();

app.MapGet("/orders/{id:int}", (int id, OrderMetrics metrics) =>
{
    metrics.Placed(id % 2 == 0 ? "eu" : "us");
    return Results.Ok(new { id, status = "placed" });
});

app.MapGet("/work", () =>
{
    // Allocates, so the runtime's GC metrics have something to show.
    var total = 0;
    for (var i = 0; i < 100; i++)
    {
        total += new byte[64 * 1024].Length;
    }

    return Results.Ok(new { total });
});

app.MapPrometheusMetrics("/metrics");

app.Run();

/// <summary>The app's own meter, made by the DI meter factory.</summary>
internal sealed class OrderMetrics
{
    private readonly Counter<long> _placed;
    private readonly Histogram<double> _value;

    public OrderMetrics(IMeterFactory meters)
    {
        var meter = meters.Create("Sample.Orders", "1.0");
        _placed = meter.CreateCounter<long>("orders.placed", "{order}", "Orders placed.");
        _value = meter.CreateHistogram<double>("orders.value", "{USD}", "Order value.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [10, 50, 100, 500] });
    }

    public void Placed(string region)
    {
        _placed.Add(1, new KeyValuePair<string, object?>("region", region));
        _value.Record(42, new KeyValuePair<string, object?>("region", region));
    }
}
