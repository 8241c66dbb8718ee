using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Exporter.Core.Tests.Host.Status;
using Exporter.Host.Status;
using Exporter.TestSupport.Exposition;
using Xunit.Abstractions;

namespace Exporter.IntegrationTests.Status;

/// <summary>The status page in a real browser (Debian's headless Chromium), served by the real host.</summary>
public sealed class StatusPageTests(StatusHostFixture fixture, ITestOutputHelper output) : IClassFixture<StatusHostFixture>
{
    private Browser Browser => fixture.Browser;

    [Fact]
    public void The_page_loads_and_refreshes_with_no_console_error_no_failed_request_and_nothing_from_elsewhere()
    {
        Reset();
        StatusPage.OpenAndWaitForRefresh(Browser, fixture.Url("/"));
        var first = StatusPage.SampledAt(Browser);
        Browser.WaitUntil(() => StatusPage.SampledAt(Browser) != first, TimeSpan.FromSeconds(30), "a refresh that shows a newer collection");

        Browser.ConsoleErrors().Should().BeEmpty();
        var requests = StatusPage.RequestsOf(Browser, fixture.Host.BaseAddress);
        requests.Select(r => r.Url).Should().Contain(fixture.Url("/").ToString()).And.Contain(fixture.Url("/api/v1/status").ToString());
        requests.Should().OnlyContain(r => r.Status >= 200 && r.Status < 400, "every request the page made succeeded");
        requests.Should().OnlyContain(r => r.Url.StartsWith(fixture.Host.BaseAddress.ToString(), StringComparison.Ordinal) || r.Url.StartsWith("data:", StringComparison.Ordinal),
            "the page loads nothing from anywhere else (servers are often offline)");
        Keep(Browser.Screenshot("desktop-light"));
    }

    [Fact]
    public async Task The_figures_shown_are_those_of_metrics_at_the_same_moment()
    {
        Reset();
        StatusPage.OpenAndWaitForRefresh(Browser, fixture.Url("/"));
        var page = new
        {
            Cores = StatusPage.Figure(Browser, "#c-cpu .sub data"),
            Memory = StatusPage.Figure(Browser, "#c-mem .sub data"),
            Filesystems = Browser.Script<IReadOnlyList<object>>(
                "return [...document.querySelectorAll('table[aria-labelledby=\"h-fs\"] tbody tr')].map(r => r.cells[0].firstChild.textContent.trim() + '=' + (r.cells[3].querySelector('data')?.value ?? ''));")
                .Cast<string>().ToList(),
        };
        var metrics = await Scrapes.ParseAsync(fixture.Url("/metrics"));

        var cores = metrics["node_cpu_seconds_total"]!.Samples.Select(s => s.Labels["cpu"]).Distinct().Count();
        page.Cores.Should().Be(cores.ToString(CultureInfo.InvariantCulture));
        page.Memory.Should().Be(Raw(metrics["node_memory_MemTotal_bytes"]!.Samples.Single().Value));
        // The root filesystem where there is one (mounts made by other tests' containers may come and go).
        var sizes = metrics["node_filesystem_size_bytes"]!.Samples.Select(s => s.Labels["mountpoint"] + "=" + Raw(s.Value)).ToList();
        var chosen = sizes.FirstOrDefault(s => s.StartsWith("/=", StringComparison.Ordinal)) ?? sizes.First();
        page.Filesystems.Should().Contain(chosen, "a mount's size is the one /metrics reports");
        output.WriteLine($"page: {cores} cores, {page.Memory} bytes of memory, {string.Join(", ", page.Filesystems)}");
    }

    [Fact]
    public void The_layout_holds_at_375_px_in_light_and_dark()
    {
        Reset();
        Browser.Viewport(375, 812, mobile: true);
        StatusPage.OpenAndWaitForRefresh(Browser, fixture.Url("/"));

        HorizontalOverflow().Should().BeLessThanOrEqualTo(0, "nothing is wider than a 375 px phone screen");
        Keep(Browser.Screenshot("mobile-light"));
        var light = Background();

        Browser.ColorScheme("dark");
        HorizontalOverflow().Should().BeLessThanOrEqualTo(0);
        Keep(Browser.Screenshot("mobile-dark"));
        var dark = Background();

        light.Should().BeGreaterThan(0.8, "the light scheme has a light background");
        dark.Should().BeLessThan(0.2, "the dark scheme follows the system's preference");

        Browser.Viewport(1280, 900, mobile: false);
        Keep(Browser.Screenshot("desktop-dark"));
    }

    [Fact]
    public async Task The_script_renders_exactly_what_the_server_rendered()
    {
        Reset();
        StatusPage.OpenAndWaitForRefresh(Browser, fixture.Url("/"));

        var (server, script) = await StatusPage.BothRenderingsAsync(Browser, fixture.Url("/"));

        server.Should().Contain("<h2 id=\"h-host\">Host</h2>");
        script.Should().Be(server);
    }

    [Theory]
    [InlineData("typical")]
    [InlineData("empty")]
    [InlineData("hostile")]
    public void The_script_escapes_and_formats_as_the_server_does(string which)
    {
        Reset();
        StatusPage.OpenAndWaitForRefresh(Browser, fixture.Url("/"));
        var document = which switch
        {
            "typical" => Documents.Typical(),
            "empty" => Documents.Empty(),
            _ => Documents.Hostile("<img src=x onerror=\"window.owned=1\"><script>window.owned=1</script>'&"),
        };
        var json = JsonSerializer.Serialize(document, StatusJsonContext.Default.StatusDocument);

        var script = StatusPage.ScriptRendering(Browser, json);

        script.Should().Be(StatusPage.Parsed(Browser, StatusPageRenderer.Render(document)));
        script.Should().NotContain("<img").And.NotContain("<script");
    }

    [Fact]
    public void Refreshing_stops_while_the_tab_is_hidden_or_paused_and_resumes_after()
    {
        Reset();
        StatusPage.OpenAndWaitForRefresh(Browser, fixture.Url("/"));
        var window = TimeSpan.FromSeconds(StatusHostFixture.RefreshSeconds * 3);

        Visibility(hidden: true);
        var whileHidden = StatusPage.Fetches(Browser);
        Thread.Sleep(window); // an observation window of three refresh periods: nothing may happen in it
        StatusPage.Fetches(Browser).Should().Be(whileHidden, "a hidden tab fetches nothing");

        Visibility(hidden: false);
        Browser.WaitUntil(() => StatusPage.Fetches(Browser) > whileHidden, TimeSpan.FromSeconds(10), "a fetch when the tab shows again");

        Browser.Driver.FindElement(OpenQA.Selenium.By.Id("pause")).Click();
        Browser.Script<string>("return document.getElementById('pause').getAttribute('aria-pressed');").Should().Be("true");
        var whilePaused = StatusPage.Fetches(Browser);
        Thread.Sleep(window);
        StatusPage.Fetches(Browser).Should().Be(whilePaused, "a paused page fetches nothing");

        Browser.Driver.FindElement(OpenQA.Selenium.By.Id("pause")).Click();
        Browser.WaitUntil(() => StatusPage.Fetches(Browser) > whilePaused, TimeSpan.FromSeconds(10), "a fetch on resuming");
    }

    [Fact]
    public void Screen_readers_find_every_control_figure_and_chart_labelled()
    {
        Reset();
        StatusPage.OpenAndWaitForRefresh(Browser, fixture.Url("/"));

        Browser.Script<long>("return document.querySelectorAll('meter:not([aria-label]), svg:not([role=img][aria-label])').length;").Should().Be(0);
        Browser.Script<long>("return document.querySelectorAll('section:not([aria-labelledby]), table:not([aria-labelledby])').length;").Should().Be(0);

        foreach (var scheme in new[] { "light", "dark" })
        {
            Browser.ColorScheme(scheme);
            var violations = Axe();
            violations.Should().BeEmpty($"axe-core finds no WCAG 2.1 A/AA violation in the {scheme} scheme");
        }
    }

    [Fact]
    public void Without_javascript_the_server_rendered_page_shows_the_figures()
    {
        using var browser = new Browser(javascript: false);
        browser.Open(fixture.Url("/"));

        var memory = browser.Driver.FindElement(OpenQA.Selenium.By.CssSelector("#c-mem .sub data")).GetAttribute("value");
        memory.Should().NotBeNullOrEmpty();
        double.Parse(memory!, CultureInfo.InvariantCulture).Should().BeGreaterThan(0);
        browser.Driver.FindElement(OpenQA.Selenium.By.Id("pause")).Displayed.Should().BeFalse("the pause button needs the script");
        browser.Driver.FindElements(OpenQA.Selenium.By.CssSelector("noscript")).Should().NotBeEmpty();
        Keep(browser.Screenshot("no-javascript"));
    }

    private void Reset()
    {
        Browser.Viewport(1280, 900, mobile: false);
        Browser.ColorScheme("light");
    }

    private void Keep(string path) => output.WriteLine($"screenshot: {path}");

    private long HorizontalOverflow() =>
        Browser.Script<long>("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");

    /// <summary>The body's background luminance, 0 (black) to 1 (white).</summary>
    private double Background()
    {
        var rgb = Browser.Script<string>("return getComputedStyle(document.body).backgroundColor;");
        var parts = rgb[(rgb.IndexOf('(', StringComparison.Ordinal) + 1)..rgb.IndexOf(')', StringComparison.Ordinal)].Split(',').Select(p => double.Parse(p, CultureInfo.InvariantCulture) / 255).ToArray();
        return (0.2126 * parts[0]) + (0.7152 * parts[1]) + (0.0722 * parts[2]);
    }

    private void Visibility(bool hidden) => Browser.Script(
        """
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => arguments[0] });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => arguments[0] ? 'hidden' : 'visible' });
        document.dispatchEvent(new Event('visibilitychange'));
        """, hidden);

    /// <summary>axe-core (the copy Deque.AxeCore.Commons ships) run on the page: WCAG 2.0/2.1 A and AA rules.</summary>
    private List<string> Axe()
    {
        var assembly = Assembly.Load("Deque.AxeCore.Commons");
        using var stream = assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")!;
        using var reader = new StreamReader(stream);
        Browser.Script(reader.ReadToEnd());
        var json = (string)Browser.Driver.ExecuteAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
              .then(r => done(JSON.stringify(r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')'))));
            """)!;
        return JsonSerializer.Deserialize<List<string>>(json)!;
    }

    private static string Raw(double value) => StatusFormat.Raw(value);
}
