using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Exporter.TestSupport;
using Exporter.TestSupport.Exposition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Exporter.Core.Tests.Readme;

/// <summary>The READMEs' embedding snippets are the code in <see cref="ReadmeSnippets"/>, and that code works.</summary>
public sealed partial class ReadmeSnippetTests
{
    private static readonly string SnippetFile = RepoPaths.Combine("tests", "Exporter.Core.Tests", "Readme", "ReadmeSnippets.cs");

    [Theory]
    [InlineData("README.md", 4)]
    [InlineData("src/Exporter.Core/README.md", 1)]
    public void Every_csharp_block_of_the_readme_is_in_the_snippet_file(string readme, int blocks)
    {
        var snippets = Lines(File.ReadAllText(SnippetFile));
        var found = CSharpBlock().Matches(File.ReadAllText(RepoPaths.Combine(readme))).Select(m => m.Groups[1].Value).ToList();

        found.Should().HaveCount(blocks);
        foreach (var block in found)
        {
            // "// ..." in a block stands for lines in between; each part must appear, in order.
            var position = 0;
            foreach (var part in block.Split("// ...").Select(Lines).Where(p => p.Length > 0))
            {
                var at = snippets.IndexOf(part, position, StringComparison.Ordinal);
                at.Should().BeGreaterThanOrEqualTo(0, $"{readme} shows\n{part}\nwhich ReadmeSnippets.cs must hold verbatim");
                position = at + part.Length;
            }
        }
    }

    [Fact]
    public async Task The_two_lines_serve_app_framework_and_host_metrics()
    {
        await using var app = await StartAsync(ReadmeSnippets.TwoLines);
        await using var packaged = await StartAsync(ReadmeSnippets.PackageTwoLines);
        using var meter = new Meter("MyCompany.Orders");
        meter.CreateCounter<long>("orders.placed").Add(2);

        foreach (var running in new[] { app, packaged })
        {
            var scrape = (await Scrapes.GetAsync(new Uri(running.Urls.First() + "/metrics"))).Parse();
            scrape["orders_placed_total"]!.Samples.Single().Value.Should().Be(2);
            scrape["dotnet_gc_collections_total"].Should().NotBeNull();
            scrape["exporter_scrapes_total"].Should().NotBeNull("the host collectors run beside the meters");
        }
    }

    [Fact]
    public async Task The_meter_settings_snippet_applies_its_settings()
    {
        await using var app = await StartAsync(ReadmeSnippets.MeterSettings);
        using var meter = new Meter("Orders.Api");
        meter.CreateHistogram<double>("orders.processing.duration", "s").Record(2);

        var scrape = (await Scrapes.GetAsync(new Uri(app.Urls.First() + "/metrics"))).Parse();

        scrape["orders_processing_duration_seconds"]!.Samples.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).Select(s => s.Labels["le"])
            .Should().Equal("0.1", "0.5", "1", "5", "30", "+Inf");
        scrape["target_info"]!.Samples.Single().Labels["service_name"].Should().Be("orders");
    }

    [Fact]
    public async Task The_collector_snippet_adds_its_family()
    {
        await using var app = await StartAsync(ReadmeSnippets.OwnCollector);

        var scrape = (await Scrapes.GetAsync(new Uri(app.Urls.First() + "/metrics"))).Parse();

        scrape["myapp_jobs"]!.Samples.Single().ToString().Should().Be("myapp_jobs{queue=\"default\"} 42");
    }

    [Fact]
    public async Task The_prometheus_net_snippet_serves_prometheus_net_metrics()
    {
        await using var app = await StartAsync(ReadmeSnippets.PrometheusNetInterop);
        Prometheus.Metrics.CreateCounter("legacy_jobs_total", "Jobs.").Inc(4);

        var scrape = (await Scrapes.GetAsync(new Uri(app.Urls.First() + "/metrics"))).Parse();

        scrape["legacy_jobs_total"]!.Samples.Single().Value.Should().Be(4);
    }

    private static async Task<WebApplication> StartAsync(Func<WebApplicationBuilder, WebApplication> snippet)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = snippet(builder);
        await app.StartAsync();
        return app;
    }

    private static string Lines(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
