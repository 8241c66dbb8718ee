using Exporter.Docker;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Docker containers to the Prometheus metrics endpoint.</summary>
public static class DockerPrometheusMetricsBuilderExtensions
{
    /// <summary>
    /// Adds the <c>docker</c> collector: cAdvisor's <c>container_*</c> metrics and each container's
    /// state, restarts, health and exit code, read from the Docker Engine API. Settings bind from
    /// <c>docker</c> under the exporter's configuration section (see <see cref="DockerOptions"/>). It is
    /// on by default when the engine's unix socket exists at start-up (or a tcp:// engine is
    /// configured), so a machine without Docker shows no trace of it. Calling it again adds nothing.
    /// </summary>
    /// <param name="builder">What <c>AddPrometheusMetrics</c> returned.</param>
    public static PrometheusMetricsBuilder AddDocker(this PrometheusMetricsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return DockerRegistration.Add(builder);
    }
}
