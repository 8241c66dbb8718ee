using System.Globalization;

namespace Exporter.Core.Exposition;

/// <summary>Picks the response format and encoding from the request's Accept headers.</summary>
public static class ContentNegotiation
{
    /// <summary>
    /// OpenMetrics when the most preferred acceptable media range is application/openmetrics-text
    /// (version 1.0.0, 0.0.1 or none); the text format otherwise, including for a missing or
    /// unsatisfiable header, as client_golang does.
    /// </summary>
    public static ExpositionFormat ChooseFormat(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return ExpositionFormat.Text;
        }

        var best = ExpositionFormat.Text;
        var bestQ = -1.0;
        foreach (var range in accept.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (mediaType, parameters) = Split(range);
            var q = Quality(parameters);
            if (q <= 0 || q <= bestQ)
            {
                continue;
            }

            ExpositionFormat? format = mediaType switch
            {
                "application/openmetrics-text" when IsOpenMetricsVersion(parameters) => ExpositionFormat.OpenMetrics,
                "text/plain" or "text/*" or "*/*" => ExpositionFormat.Text,
                _ => null,
            };
            if (format is { } chosen)
            {
                best = chosen;
                bestQ = q;
            }
        }

        return best;
    }

    /// <summary>True when Accept-Encoding lists gzip (or *) with a non-zero quality.</summary>
    public static bool AcceptsGzip(string? acceptEncoding)
    {
        if (string.IsNullOrWhiteSpace(acceptEncoding))
        {
            return false;
        }

        foreach (var coding in acceptEncoding.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, parameters) = Split(coding);
            if ((name == "gzip" || name == "*") && Quality(parameters) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static (string Value, Dictionary<string, string> Parameters) Split(string item)
    {
        var parts = item.Split(';', StringSplitOptions.TrimEntries);
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.AsSpan(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                parameters[part[..eq].Trim()] = part[(eq + 1)..].Trim().Trim('"');
            }
        }

        return (parts[0].ToLowerInvariant(), parameters);
    }

    private static double Quality(Dictionary<string, string> parameters) =>
        !parameters.TryGetValue("q", out var text) ? 1.0
        : double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) ? Math.Clamp(q, 0, 1)
        : 0.0;

    private static bool IsOpenMetricsVersion(Dictionary<string, string> parameters) =>
        !parameters.TryGetValue("version", out var version) || version is "1.0.0" or "0.0.1";
}
