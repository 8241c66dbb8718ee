using System.Net;
using System.Reflection;

namespace Exporter.Host;

/// <summary>The page at /: what this is and where the metrics are. No settings, so no secrets.</summary>
internal static class LandingPage
{
    public static string Version { get; } =
        typeof(LandingPage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    public static string Render(string telemetryPath, IEnumerable<string> collectors)
    {
        var path = WebUtility.HtmlEncode(telemetryPath);
        var list = string.Join(", ", collectors.Select(WebUtility.HtmlEncode));
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Exporter</title></head>
            <body>
            <h1>Exporter {WebUtility.HtmlEncode(Version)}</h1>
            <p>Prometheus exporter for host, container and database metrics.</p>
            <ul>
            <li><a href="{path}">Metrics</a></li>
            <li><a href="/-/healthy">Health</a> · <a href="/-/ready">Readiness</a></li>
            </ul>
            <p>Enabled collectors: {list}</p>
            </body>
            </html>
            """;
    }
}
