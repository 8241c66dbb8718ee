using System.Net;
using System.Text.Json;
using Exporter.TestSupport;
using Exporter.TestSupport.Exposition;
using Json.Schema;

namespace Exporter.IntegrationTests.Status;

/// <summary>/api/v1/status and / over plain HTTP: the documented schema, the figures, bad requests.</summary>
public sealed class StatusApiTests(StatusHostFixture fixture) : IClassFixture<StatusHostFixture>
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(60) };
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(RepoPaths.Combine("docs", "status-api.schema.json")));

    [Fact]
    public async Task The_document_follows_the_documented_schema_before_and_after_rates_are_known()
    {
        var first = await GetJsonAsync();
        Errors(first).Should().BeEmpty();

        // The second collection follows within seconds; then every rate is a number.
        JsonElement later = first;
        Browser.WaitUntil(() => (later = GetJsonAsync().GetAwaiter().GetResult()).GetProperty("history").GetProperty("times").GetArrayLength() >= 2, TimeSpan.FromSeconds(30), "a second collection");
        Errors(later).Should().BeEmpty();
        later.GetProperty("host").GetProperty("cpu").GetProperty("busyPercent").ValueKind.Should().Be(JsonValueKind.Number);
    }

    [Fact]
    public void The_schema_rejects_what_the_document_must_not_be()
    {
        using var missing = JsonDocument.Parse("""{"version":1}""");
        using var wrongVersion = JsonDocument.Parse("""{"version":2,"sampledAt":"x","refreshSeconds":10,"host":{},"containers":null,"databases":[],"collectors":[],"history":{}}""");

        Errors(missing.RootElement).Should().NotBeEmpty();
        Errors(wrongVersion.RootElement).Should().NotBeEmpty();
    }

    [Fact]
    public async Task The_figures_are_those_of_metrics()
    {
        var document = await GetJsonAsync();
        var metrics = await Scrapes.ParseAsync(fixture.Url("/metrics"));

        var host = document.GetProperty("host");
        host.GetProperty("cpu").GetProperty("cores").GetInt32().Should().Be(metrics["node_cpu_seconds_total"]!.Samples.Select(s => s.Labels["cpu"]).Distinct().Count());
        host.GetProperty("memory").GetProperty("totalBytes").GetDouble().Should().Be(metrics["node_memory_MemTotal_bytes"]!.Samples.Single().Value);
        var root = metrics["node_filesystem_size_bytes"]!.Samples.OrderBy(s => s.Labels["mountpoint"] == "/" ? 0 : 1).First();
        host.GetProperty("filesystems").EnumerateArray().Should().Contain(f =>
            f.GetProperty("mountpoint").GetString() == root.Labels["mountpoint"] && f.GetProperty("sizeBytes").GetDouble() == root.Value);
        document.GetProperty("collectors").EnumerateArray().Select(c => c.GetProperty("name").GetString())
            .Should().Equal(metrics["node_scrape_collector_success"]!.Samples.Select(s => s.Labels["collector"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unknown_query_parameters_are_a_400_that_names_them()
    {
        using var response = await Client.GetAsync(fixture.Url("/api/v1/status?since=5m&debug"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetString().Should().Be("unknown query parameter(s): since, debug; /api/v1/status takes none");
    }

    [Fact]
    public async Task Head_answers_the_headers_without_a_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, fixture.Url("/api/v1/status"));
        using var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("application/json; charset=utf-8");
        response.Content.Headers.ContentLength.Should().BeGreaterThan(0);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Theory]
    [InlineData("POST", "/api/v1/status")]
    [InlineData("PUT", "/api/v1/status")]
    [InlineData("DELETE", "/api/v1/status")]
    [InlineData("POST", "/")]
    public async Task Other_methods_are_405_naming_get_and_head(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), fixture.Url(path)) { Content = new StringContent("{}") };
        using var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().BeEquivalentTo("GET", "HEAD");
    }

    [Fact]
    public async Task The_page_is_html_with_its_figures_and_a_policy_that_allows_only_itself()
    {
        using var response = await Client.GetAsync(fixture.Url("/"));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("default-src 'none'; script-src 'sha256-");
        html.Should().Contain("<a href=\"metrics\">Metrics</a>").And.Contain("<a href=\"-/healthy\">Health</a>");
        html.Should().MatchRegex("of <data value=\"[0-9]+\">[0-9.]+ [KMGT]iB</data>", "memory's total is in the first paint");
        Encoding(html).Should().BeLessThan(100 * 1024 + 64 * 1024, "the page is under 100 KB plus the document it carries");
    }

    [Fact]
    public async Task A_refresh_interval_out_of_range_stops_the_start_with_a_clear_message()
    {
        var start = () => HostProcess.StartAsync(new Dictionary<string, string> { ["Exporter__Status__RefreshInterval"] = "0s" });

        var failure = await start.Should().ThrowAsync<InvalidOperationException>();
        failure.Which.Message.Should().Contain("exited with 2").And.Contain("Exporter:Status:RefreshInterval must be a duration from 1s to 30s");
    }

    private static int Encoding(string text) => System.Text.Encoding.UTF8.GetByteCount(text);

    private async Task<JsonElement> GetJsonAsync()
    {
        using var response = await Client.GetAsync(fixture.Url("/api/v1/status"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("application/json; charset=utf-8");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static List<string> Errors(JsonElement document)
    {
        var result = Schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).DefaultIfEmpty("invalid")];
    }
}
