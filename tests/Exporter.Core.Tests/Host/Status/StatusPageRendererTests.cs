using Exporter.Host.Status;

namespace Exporter.Core.Tests.Host.Status;

public sealed class StatusPageRendererTests
{
    private const string Hostile = "<img src=x onerror=alert(1)>\"'&";

    [Fact]
    public void Untrusted_text_is_escaped_wherever_it_appears()
    {
        var html = StatusPageRenderer.Render(Documents.Hostile(Hostile));

        html.Should().NotContain("<img").And.NotContain("<script").And.NotContain("<b>");
        html.Should().Contain("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;");

        // Hostname, mount point (text and meter label), device, container name, id, image, state,
        // health, database target and name, collector name and error: each escaped, none raw.
        CountOf(html, "&lt;img src=x").Should().BeGreaterThanOrEqualTo(15);
        CountOf(html, "onerror=alert(1)>").Should().Be(0);
    }

    [Fact]
    public void The_first_paint_shows_the_figures_with_their_exact_values()
    {
        var html = StatusPageRenderer.Render(Documents.Typical());

        html.Should().Contain("<h1>web-1</h1>");
        html.Should().Contain("<data value=\"4\">4</data> cores");
        html.Should().Contain("of <data value=\"17179869184\">16.0 GiB</data>");
        html.Should().Contain("<td role=\"cell\" data-label=\"Size\"><data value=\"270553174016\">252.0 GiB</data></td>");
        html.Should().Contain("<meter min=\"0\" max=\"100\" low=\"80\" high=\"95\" optimum=\"0\" value=\"42.5\" aria-label=\"CPU busy\"></meter>");
        html.Should().Contain("<span class=\"badge ok\">up</span>").And.Contain("<span class=\"badge bad\">down</span>");
        html.Should().Contain("<span class=\"badge bad\">1 failing</span> of 3 collectors.");
        html.Should().Contain("<polyline points=\"98.9,13.6 100.0,13.7\"></polyline>");
        html.Should().Contain("aria-label=\"CPU busy, last 15 minutes: low 42.5 %, high 42.7 %\"");
    }

    [Fact]
    public void Missing_sections_say_why()
    {
        var html = StatusPageRenderer.Render(Documents.Empty());

        html.Should().Contain("The docker collector is not enabled (--collector.docker).");
        html.Should().Contain("No database targets (--config.file).");
        html.Should().Contain("<h1>Host</h1>");
        html.Should().Contain("CPU busy: no history yet");
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
