using Exporter.Core;
using Exporter.Core.Collection;
using Exporter.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a Prometheus metrics endpoint's scraper and collectors to an application's services.</summary>
public static class PrometheusMetricsServiceCollectionExtensions
{
    /// <summary>
    /// Adds Prometheus metrics with default settings: the app's .NET and ASP.NET Core meters with
    /// OpenTelemetry's Prometheus names, and node_exporter's default collectors on /proc, /sys and /.
    /// </summary>
    public static PrometheusMetricsBuilder AddPrometheusMetrics(this IServiceCollection services) =>
        services.AddPrometheusMetrics(configuration: null, configure: null);

    /// <summary>Adds Prometheus metrics, configured in code.</summary>
    public static PrometheusMetricsBuilder AddPrometheusMetrics(this IServiceCollection services, Action<PrometheusMetricsOptions> configure) =>
        services.AddPrometheusMetrics(configuration: null, configure);

    /// <summary>
    /// Adds Prometheus metrics, bound to a configuration section (usually <c>Configuration.GetSection("Exporter")</c>);
    /// collector settings bind from its children, e.g. <c>Exporter:Filesystem</c>.
    /// </summary>
    public static PrometheusMetricsBuilder AddPrometheusMetrics(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPrometheusMetrics(configuration, configure: null);

    /// <summary>
    /// Adds Prometheus metrics, bound to a configuration section and then configured in code. Calling it
    /// again adds nothing twice: it returns a builder over the same services.
    /// </summary>
    public static PrometheusMetricsBuilder AddPrometheusMetrics(
        this IServiceCollection services, IConfiguration? configuration, Action<PrometheusMetricsOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new PrometheusMetricsBuilder(services);
        services.TryAddSingleton(new ExporterConfiguration(configuration));
        var options = services.AddOptions<PrometheusMetricsOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(BuiltInCollectorsMarker)))
        {
            return builder;
        }

        services.AddSingleton<BuiltInCollectorsMarker>();
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrometheusMetricsOptions>, PrometheusMetricsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new HostPaths(sp.GetRequiredService<IOptions<PrometheusMetricsOptions>>().Value.Path));
        services.TryAddSingleton(sp => new Scraper(
            sp.GetServices<CollectorRegistration>(),
            sp.GetRequiredService<IOptions<PrometheusMetricsOptions>>(),
            sp,
            sp.GetRequiredService<ILogger<Scraper>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<ScraperStartup>();
        foreach (var registration in BuiltInCollectors.All)
        {
            builder.AddCollector(registration);
        }

        BuiltInCollectors.AddOptions(builder);
        return builder;
    }

    private sealed class BuiltInCollectorsMarker;
}
