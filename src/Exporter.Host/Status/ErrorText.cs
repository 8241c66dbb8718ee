using System.Text.RegularExpressions;

namespace Exporter.Host.Status;

/// <summary>
/// A collector's error as the page may show it. The messages are written to be logged, so they
/// should hold no secret; this is the second line of defence for text that comes from elsewhere
/// (an exception from a library, an engine's answer): credentials in URLs and key=value secrets are
/// masked, and the text is kept short. Escaping for HTML is the renderer's job.
/// </summary>
internal static partial class ErrorText
{
    public const int MaxLength = 300;

    public static string Clean(string error)
    {
        var text = UrlCredentials().Replace(error, "$1***@");
        text = KeyedSecret().Replace(text, "$1$2***");
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }

    // scheme://user:password@host -> scheme://***@host
    [GeneratedRegex(@"([a-zA-Z][a-zA-Z0-9+.-]*://)[^/\s@]+@")]
    private static partial Regex UrlCredentials();

    // password=..., Password: ..., token=..., api_key=..., secret=... (as in connection strings)
    [GeneratedRegex(@"(?i)\b(password|passwd|pwd|secret|token|api[_-]?key|authorization)(\s*[=:]\s*)(""[^""]*""|'[^']*'|[^\s;,&'""]+)")]
    private static partial Regex KeyedSecret();
}
