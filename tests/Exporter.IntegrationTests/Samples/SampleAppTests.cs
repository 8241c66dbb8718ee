using System.Diagnostics;
using Exporter.IntegrationTests.HostCoverage;
using Exporter.TestSupport;
using Exporter.TestSupport.Exposition;

namespace Exporter.IntegrationTests.Samples;

/// <summary>
/// The sample built from the packed packages serves its meter, ASP.NET Core's and the runtime's;
/// promtool accepts the output and a real Prometheus 2.42 computes quantiles and rates from it.
/// </summary>
public sealed class SampleAppTests(SampleApp sample) : IClassFixture<SampleApp>
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task The_sample_serves_its_own_and_the_frameworks_meters()
    {
        await Client.GetStringAsync(new Uri(sample.BaseAddress, "/orders/2"));

        var scrape = (await Scrapes.GetAsync(new Uri(sample.BaseAddress, "/metrics"))).Parse();

        scrape["orders_placed_total"]!.Samples.Should().Contain(s => s.Labels["region"] == "eu" && s.Labels["otel_scope_name"] == "Sample.Orders");
        scrape["orders_value"]!.Type.Should().Be("histogram");
        scrape["http_server_request_duration_seconds"]!.Samples
            .Should().Contain(s => s.Labels["http_route"] == "/orders/{id:int}")
            .And.NotContain(s => s.Labels["http_route"] == "/metrics", "scrapes are not counted");
        scrape["dotnet_gc_collections_total"]!.Type.Should().Be("counter");
        scrape.Families.Should().NotContain(f => f.Name.StartsWith("node_cpu", StringComparison.Ordinal), "the sample turned the host collectors off");
    }

    [Fact]
    public async Task Promtool_finds_nothing_but_the_runtime_s_own_count_names()
    {
        await Client.GetStringAsync(new Uri(sample.BaseAddress, "/orders/1"));
        var body = (await Scrapes.GetAsync(new Uri(sample.BaseAddress, "/metrics"))).Body;

        var problems = await PromtoolAsync(body);

        // The only lint: gauges that .NET's semantic conventions name *.count (dotnet.assembly.count,
        // dotnet.thread_pool.thread.count...), which promtool's style check reserves for histograms.
        problems.Should().OnlyContain(p => p.StartsWith("dotnet_", StringComparison.Ordinal) && p.EndsWith("should not have \"_count\" suffix", StringComparison.Ordinal),
            string.Join('\n', problems));
    }

    [Fact]
    public async Task Prometheus_computes_request_quantiles_and_gc_rates_from_the_sample()
    {
        using var prometheus = await PrometheusServer.StartAsync(TimeSpan.FromSeconds(1), ("sample", $"127.0.0.1:{sample.BaseAddress.Port}"));
        string[] queries =
        [
            "histogram_quantile(0.9, rate(http_server_request_duration_seconds_bucket[1m]))",
            "rate(dotnet_gc_collections_total[1m])",
        ];
        var answered = new Dictionary<string, bool?>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; watch.Elapsed < TimeSpan.FromSeconds(60); i++)
        {
            // Traffic between scrapes, so rate() over the buckets has something to divide.
            await Client.GetStringAsync(new Uri(sample.BaseAddress, $"/orders/{i}"));
            await Client.GetStringAsync(new Uri(sample.BaseAddress, "/work"));
            if (i % 5 == 0)
            {
                foreach (var query in queries)
                {
                    answered[query] = (await prometheus.HasDataAsync(query, DateTimeOffset.UtcNow)).Filled;
                }

                if (answered.Values.All(v => v == true))
                {
                    break;
                }
            }

            await Task.Delay(200);
        }

        answered.Should().HaveCount(2).And.OnlyContain(a => a.Value == true, "both queries return data within 60 s");
    }

    private static async Task<List<string>> PromtoolAsync(string body)
    {
        var info = new ProcessStartInfo(Tools.Require("promtool"), "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.StandardInput.WriteAsync(body);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return [.. ((await output) + (await error)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }
}
