using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Exporter.Host.Status;

/// <summary>
/// status.html, embedded in the binary: one file with its CSS and script, no outside asset. Split
/// once into literal parts and {{placeholders}}; a page is those parts with this host's values and
/// the rendered document in between. The Content-Security-Policy allows exactly the page's own
/// style and script (by hash) and requests to its own origin, so even text that slipped through
/// escaping could run nothing.
/// </summary>
internal sealed partial class StatusPageTemplate
{
    public const string ResourceName = "Exporter.Host.Status.status.html";

    private readonly List<(string Text, bool IsPlaceholder)> _parts = [];
    private readonly Dictionary<string, string> _fixed;

    /// <param name="metricsPath">The telemetry path (/metrics), linked relatively so the page works behind a path prefix.</param>
    /// <param name="version">The exporter's version.</param>
    /// <param name="collectors">The enabled collectors.</param>
    /// <param name="refresh">The refresh interval.</param>
    public StatusPageTemplate(string metricsPath, string version, IEnumerable<string> collectors, TimeSpan refresh)
    {
        Html = Load();
        var last = 0;
        foreach (Match match in Placeholder().Matches(Html))
        {
            _parts.Add((Html[last..match.Index], false));
            _parts.Add((match.Groups[1].Value, true));
            last = match.Index + match.Length;
        }

        _parts.Add((Html[last..], false));
        _fixed = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["metrics"] = StatusFormat.Esc(metricsPath.TrimStart('/')),
            ["version"] = StatusFormat.Esc(version),
            ["collectors"] = StatusFormat.Esc(string.Join(", ", collectors)),
            ["refresh"] = StatusFormat.Raw(refresh.TotalSeconds),
        };

        ContentSecurityPolicy =
            $"default-src 'none'; script-src '{Hash(Between(Html, "<script>", "</script>"))}'; style-src '{Hash(Between(Html, "<style>", "</style>"))}'; " +
            "img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /// <summary>The template as embedded.</summary>
    public string Html { get; }

    public string ContentSecurityPolicy { get; }

    public static string Load()
    {
        using var stream = typeof(StatusPageTemplate).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The whole page for one snapshot, as UTF-8.</summary>
    public byte[] Render(StatusSnapshot snapshot)
    {
        var document = snapshot.Document;
        var values = new Dictionary<string, string>(_fixed, StringComparer.Ordinal)
        {
            ["title"] = StatusFormat.Esc(StatusPageRenderer.Title(document)),
            ["status"] = StatusPageRenderer.Render(document),

            // System.Text.Json escapes <, > and & (as \u003C...), so the data cannot end its script element.
            ["data"] = Encoding.UTF8.GetString(snapshot.Json),
        };

        var page = new StringBuilder(Html.Length + values["status"].Length + values["data"].Length);
        foreach (var (text, isPlaceholder) in _parts)
        {
            page.Append(isPlaceholder ? values[text] : text);
        }

        return Encoding.UTF8.GetBytes(page.ToString());
    }

    private static string Between(string html, string open, string close)
    {
        var start = html.LastIndexOf(open, StringComparison.Ordinal) + open.Length;
        return html[start..html.IndexOf(close, start, StringComparison.Ordinal)];
    }

    private static string Hash(string content) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    [GeneratedRegex(@"\{\{([a-z]+)\}\}")]
    private static partial Regex Placeholder();
}
