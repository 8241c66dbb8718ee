namespace Exporter.Host.Web;

/// <summary>
/// http_server_config.headers: exporter-toolkit lets exactly five response headers be set, and fixes
/// the values of two (web/handler.go, extraHTTPHeaders), so behaviour stays the same across the
/// Prometheus ecosystem. Names are matched exactly, as the toolkit does.
/// </summary>
internal static class SecurityHeaders
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Strict-Transport-Security"] = [],
        ["X-Content-Type-Options"] = ["nosniff"],
        ["X-Frame-Options"] = ["deny", "sameorigin"],
        ["X-XSS-Protection"] = [],
        ["Content-Security-Policy"] = [],
    };

    /// <summary>Returns the value when the header may be set to it; otherwise throws a <see cref="WebConfigException"/>.</summary>
    public static string Validate(string name, string value, long line)
    {
        var path = $"http_server_config.headers.{name}";
        if (!Allowed.TryGetValue(name, out var values))
        {
            throw new WebConfigException($"line {line}: {path}: this header cannot be configured (allowed: {string.Join(", ", Allowed.Keys)})");
        }

        if (values.Length > 0 && !values.Contains(value, StringComparer.Ordinal))
        {
            throw new WebConfigException($"line {line}: {path} must be one of {string.Join(", ", values)}, got '{value}'");
        }

        // A line break would split the header and let the file inject another one.
        if (value.Any(char.IsControl))
        {
            throw new WebConfigException($"line {line}: {path} contains a control character");
        }

        return value;
    }
}
