using System.Net;
using Exporter.TestSupport.Exposition;

namespace Exporter.IntegrationTests.Host;

/// <summary>The host's HTTP surface, as a browser, a load balancer and Prometheus see it.</summary>
public sealed class HostHttpTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Status_page_links_the_metrics()
    {
        var page = await Scrapes.GetAsync(fixture.Url("/"));

        page.Status.Should().Be(HttpStatusCode.OK);
        page.ContentType.Should().StartWith("text/html");
        page.Body.Should().Contain("<a href=\"metrics\">Metrics</a>", "a relative link, so the page also works behind a path prefix");
    }

    [Theory]
    [InlineData("/-/healthy", "Healthy")]
    [InlineData("/-/ready", "Ready")]
    public async Task Health_and_readiness_answer(string path, string body)
    {
        var response = await Scrapes.GetAsync(fixture.Url(path));

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Body.Trim().Should().Be(body);
    }

    [Fact]
    public async Task Text_format_by_default()
    {
        var response = await Scrapes.GetAsync(fixture.Url("/metrics"));

        response.ContentType.Should().Be("text/plain; version=0.0.4; charset=utf-8");
        response.ContentEncoding.Should().BeNull();
        response.Parse().HasEof.Should().BeFalse();
    }

    [Fact]
    public async Task Gzip_when_accepted()
    {
        var response = await Scrapes.GetAsync(fixture.Url("/metrics"), acceptEncoding: "gzip");

        response.ContentEncoding.Should().Be("gzip");
        HostFixture.CollectorsIn(response.Parse()).Should().Equal(fixture.Collectors);
    }

    [Fact]
    public async Task OpenMetrics_when_asked_ending_with_eof()
    {
        var response = await Scrapes.GetAsync(fixture.Url("/metrics"), accept: "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");

        response.ContentType.Should().Be("application/openmetrics-text; version=1.0.0; charset=utf-8");
        response.Body.Should().EndWith("\n# EOF\n");
        var parsed = response.Parse();
        parsed.HasEof.Should().BeTrue();
        HostFixture.CollectorsIn(parsed).Should().Equal(fixture.Collectors);
    }

    [Fact]
    public async Task Collect_keeps_only_the_named_collector()
    {
        var first = fixture.Collectors[0];

        var parsed = await Scrapes.ParseAsync(fixture.Url($"/metrics?collect[]={first}"));

        HostFixture.CollectorsIn(parsed).Should().Equal(first);
    }

    [Fact]
    public async Task Exclude_drops_the_named_collector()
    {
        var first = fixture.Collectors[0];

        var parsed = await Scrapes.ParseAsync(fixture.Url($"/metrics?exclude[]={first}"));

        HostFixture.CollectorsIn(parsed).Should().Equal(fixture.Collectors.Skip(1));
    }

    [Fact]
    public async Task Unknown_collector_in_collect_is_a_400()
    {
        var response = await Scrapes.GetAsync(fixture.Url("/metrics?collect[]=no_such_collector"));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.Body.Should().Contain("no_such_collector");
    }

    [Fact]
    public async Task A_hundred_concurrent_scrapes_all_succeed()
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 100 }) { Timeout = TimeSpan.FromSeconds(30) };
        using var start = new SemaphoreSlim(0);
        var scrapes = Enumerable.Range(0, 100).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await client.GetAsync(fixture.Url("/metrics"));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(100);

        var results = await Task.WhenAll(scrapes);

        results.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        results.Should().AllSatisfy(r => HostFixture.CollectorsIn(ExpositionParser.Parse(r.Body)).Should().Equal(fixture.Collectors));
    }
}
