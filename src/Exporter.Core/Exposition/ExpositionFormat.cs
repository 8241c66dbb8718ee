namespace Exporter.Core.Exposition;

/// <summary>The wire formats the endpoint can answer with.</summary>
public enum ExpositionFormat
{
    /// <summary>Prometheus text format 0.0.4.</summary>
    Text,

    /// <summary>OpenMetrics 1.0.0 text.</summary>
    OpenMetrics,
}

/// <summary>Content types of the formats, as sent in the response.</summary>
public static class ExpositionContentTypes
{
    /// <summary>The text format 0.0.4.</summary>
    public const string Text = "text/plain; version=0.0.4; charset=utf-8";
    /// <summary>OpenMetrics 1.0.0.</summary>
    public const string OpenMetrics = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /// <summary>The content type of <paramref name="format"/>.</summary>
    public static string For(ExpositionFormat format) => format == ExpositionFormat.OpenMetrics ? OpenMetrics : Text;
}
