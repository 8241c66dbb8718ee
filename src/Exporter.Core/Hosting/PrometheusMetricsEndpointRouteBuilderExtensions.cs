using Exporter.Core.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Prometheus scrape endpoint.</summary>
public static class PrometheusMetricsEndpointRouteBuilderExtensions
{
    internal const string DefaultPath = "/metrics";

    /// <summary>Maps the scrape endpoint at /metrics.</summary>
    public static IEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusMetrics(DefaultPath);

    /// <summary>
    /// Maps the scrape endpoint at <paramref name="pattern"/>. Returns the endpoint's builder, so
    /// callers can chain e.g. <c>.RequireAuthorization()</c> or <c>.RequireHost()</c>. Scrapes are
    /// left out of ASP.NET Core's own http_server_* metrics, so Prometheus does not count itself.
    /// </summary>
    public static IEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints, string pattern) =>
        endpoints.MapGet(pattern, (RequestDelegate)MetricsEndpoint.HandleAsync).WithDisplayName("Prometheus metrics").DisableHttpMetrics();
}
