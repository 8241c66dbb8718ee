using System.Text.RegularExpressions;

namespace Exporter.IntegrationTests.Status;

/// <summary>What the tests read off the status page in a browser.</summary>
public static partial class StatusPage
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The exact value behind a figure (its data element's value), or null when the figure is missing.</summary>
    public static string? Figure(Browser browser, string selector) =>
        browser.Script<string?>("const e = document.querySelector(arguments[0]); return e ? e.value : null;", selector);

    /// <summary>When the collection shown was taken, from the page's time element (changes with every refresh that brought a new one).</summary>
    public static string SampledAt(Browser browser) =>
        browser.Script<string>("return document.querySelector('#status time').dateTime;");

    /// <summary>How many times the page fetched the status document.</summary>
    public static long Fetches(Browser browser) =>
        browser.Script<long>("return performance.getEntriesByType('resource').filter(e => e.name.endsWith('api/v1/status')).length;");

    /// <summary>
    /// Every request made by a document of <paramref name="origin"/> (the page, its fetches and
    /// whatever it would load), with the status it got: 0 when it failed without an answer. A
    /// request still waiting for its answer is left out.
    /// </summary>
    public static List<(string Url, int Status)> RequestsOf(Browser browser, Uri origin)
    {
        var events = browser.NetworkEvents();
        string Method(System.Text.Json.JsonElement e) => e.GetProperty("method").GetString()!;
        string Id(System.Text.Json.JsonElement e) => e.GetProperty("params").GetProperty("requestId").GetString()!;
        var statuses = events.Where(e => Method(e) == "Network.responseReceived")
            .ToDictionary(Id, e => e.GetProperty("params").GetProperty("response").GetProperty("status").GetInt32());
        var failed = events.Where(e => Method(e) == "Network.loadingFailed").Select(Id).ToHashSet();
        return [.. events
            .Where(e => Method(e) == "Network.requestWillBeSent"
                && e.GetProperty("params").TryGetProperty("documentURL", out var document)
                && document.GetString()!.StartsWith(origin.ToString(), StringComparison.Ordinal))
            .Where(e => failed.Contains(Id(e)) || statuses.ContainsKey(Id(e)))
            .Select(e => (e.GetProperty("params").GetProperty("request").GetProperty("url").GetString()!, failed.Contains(Id(e)) ? 0 : statuses[Id(e)]))];
    }

    /// <summary>Opens the page and waits until its script has refreshed it once from /api/v1/status.</summary>
    public static void OpenAndWaitForRefresh(Browser browser, Uri page)
    {
        browser.Open(page);
        Browser.WaitUntil(() => Fetches(browser) > 0 && browser.Script<bool>("return document.readyState === 'complete';"), TimeSpan.FromSeconds(30), "the first refresh");
    }

    /// <summary>
    /// Fetches the page as a client without script would, and returns the server's rendering of
    /// its main element and the page script's rendering of the document embedded in the same
    /// answer, both through the browser's HTML parser so only real differences remain.
    /// </summary>
    public static async Task<(string Server, string Script)> BothRenderingsAsync(Browser browser, Uri page)
    {
        var html = await Client.GetStringAsync(page);
        var server = MainElement().Match(html).Groups[1].Value;
        var data = Data().Match(html).Groups[1].Value;
        var both = browser.Script<IReadOnlyList<object>>(
            """
            const parse = html => { const t = document.createElement('template'); t.innerHTML = html; return t.innerHTML; };
            return [parse(arguments[0]), parse(window.statusPage.render(JSON.parse(arguments[1])))];
            """, server, data);
        return ((string)both[0], (string)both[1]);
    }

    /// <summary>The page script's rendering of a document, through the browser's HTML parser.</summary>
    public static string ScriptRendering(Browser browser, string json) =>
        browser.Script<string>("const t = document.createElement('template'); t.innerHTML = window.statusPage.render(JSON.parse(arguments[0])); return t.innerHTML;", json);

    /// <summary>Any HTML, through the browser's HTML parser.</summary>
    public static string Parsed(Browser browser, string html) =>
        browser.Script<string>("const t = document.createElement('template'); t.innerHTML = arguments[0]; return t.innerHTML;", html);

    [GeneratedRegex("<main id=\"status\">(.*)</main>", RegexOptions.Singleline)]
    private static partial Regex MainElement();

    [GeneratedRegex("<script type=\"application/json\" id=\"status-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex Data();
}
