using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Exporter.Host.Status;

namespace Exporter.Core.Tests.Host.Status;

public sealed partial class StatusPageTemplateTests
{
    private readonly StatusPageTemplate _template = new("/metrics", "1.2.3", ["cpu", "docker"], TimeSpan.FromSeconds(10));

    [Fact]
    public void The_page_is_one_file_under_100_KB()
    {
        Encoding.UTF8.GetByteCount(StatusPageTemplate.Load()).Should().BeLessThan(100 * 1024);
    }

    [Fact]
    public void Every_link_and_source_stays_on_the_exporter()
    {
        var html = StatusPageTemplate.Load();
        var targets = Reference().Matches(html).Select(m => m.Groups[2].Value).ToList();

        targets.Should().NotBeEmpty();
        targets.Should().OnlyContain(t => t.StartsWith("data:", StringComparison.Ordinal) || (!t.Contains("//", StringComparison.Ordinal) && !t.StartsWith('/')),
            "servers are often offline: no CDN, no absolute link (relative links also work behind a path prefix)");
        html.Should().NotContain("@import").And.NotContain("url(");
    }

    [Fact]
    public void Placeholders_are_known_and_none_sits_in_the_hashed_script_or_style()
    {
        var html = StatusPageTemplate.Load();
        var names = Regex.Matches(html, @"\{\{([a-z]+)\}\}").Select(m => m.Groups[1].Value).ToHashSet();

        names.Should().BeEquivalentTo(["title", "refresh", "metrics", "status", "version", "collectors", "data"]);
        Between(html, "<style>", "</style>").Should().NotContain("{{");
        Between(html, "<script>", "</script>").Should().NotContain("{{");
    }

    [Fact]
    public void The_security_policy_allows_exactly_the_pages_own_script_and_style()
    {
        var page = Encoding.UTF8.GetString(_template.Render(new StatusSnapshot(Documents.Typical())));

        _template.ContentSecurityPolicy.Should().StartWith("default-src 'none'; ")
            .And.Contain($"script-src 'sha256-{Sha256(Between(page, "<script>", "</script>"))}'")
            .And.Contain($"style-src 'sha256-{Sha256(Between(page, "<style>", "</style>"))}'")
            .And.Contain("connect-src 'self'");
    }

    [Fact]
    public void The_page_carries_the_document_its_links_and_the_host_facts()
    {
        var snapshot = new StatusSnapshot(Documents.Typical());
        var page = Encoding.UTF8.GetString(_template.Render(snapshot));

        page.Should().Contain("<title>web-1 · status</title>");
        page.Should().Contain("<a href=\"metrics\">Metrics</a>").And.Contain("<a href=\"api/v1/status\">").And.Contain("<a href=\"-/healthy\">");
        page.Should().Contain("<meta http-equiv=\"refresh\" content=\"10\">");
        page.Should().Contain("Exporter 1.2.3. Collectors: cpu, docker.");
        page.Should().Contain("<main id=\"status\">" + StatusPageRenderer.Render(snapshot.Document) + "</main>");
        page.Should().Contain("<script type=\"application/json\" id=\"status-data\">" + Encoding.UTF8.GetString(snapshot.Json) + "</script>");
    }

    [Fact]
    public void Text_in_the_embedded_document_cannot_end_its_script_element()
    {
        var page = Encoding.UTF8.GetString(_template.Render(new StatusSnapshot(Documents.Hostile("</script><script>alert(1)</script>"))));

        Regex.Count(page, "</script>", RegexOptions.IgnoreCase).Should().Be(2, "the data's and the page script's own closing tags, no other");
        page.Should().Contain("\\u003C/script\\u003E");
    }

    private static string Between(string html, string open, string close)
    {
        var start = html.LastIndexOf(open, StringComparison.Ordinal) + open.Length;
        return html[start..html.IndexOf(close, start, StringComparison.Ordinal)];
    }

    private static string Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"(src|href)=""([^""]*)""")]
    private static partial Regex Reference();
}
