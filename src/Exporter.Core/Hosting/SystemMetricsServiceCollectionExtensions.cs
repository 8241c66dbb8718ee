using Exporter.Core;
using Exporter.Core.Collection;
using Exporter.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the exporter's scraper and collectors to an application's services.</summary>
public static class SystemMetricsServiceCollectionExtensions
{
    /// <summary>Adds the exporter with default settings: node_exporter's default collectors on /proc, /sys and /.</summary>
    public static IServiceCollection AddSystemMetrics(this IServiceCollection services) =>
        services.AddSystemMetrics(configuration: null, configure: null);

    /// <summary>Adds the exporter, configured in code.</summary>
    public static IServiceCollection AddSystemMetrics(this IServiceCollection services, Action<SystemMetricsOptions> configure) =>
        services.AddSystemMetrics(configuration: null, configure);

    /// <summary>
    /// Adds the exporter, bound to a configuration section (usually <c>Configuration.GetSection("Exporter")</c>);
    /// collector settings bind from its children, e.g. <c>Exporter:Filesystem</c>.
    /// </summary>
    public static IServiceCollection AddSystemMetrics(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSystemMetrics(configuration, configure: null);

    /// <summary>Adds the exporter, bound to a configuration section and then configured in code.</summary>
    public static IServiceCollection AddSystemMetrics(
        this IServiceCollection services, IConfiguration? configuration, Action<SystemMetricsOptions>? configure)
    {
        services.TryAddSingleton(new ExporterConfiguration(configuration));
        var options = services.AddOptions<SystemMetricsOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SystemMetricsOptions>, SystemMetricsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new HostPaths(sp.GetRequiredService<IOptions<SystemMetricsOptions>>().Value.Path));
        services.TryAddSingleton<Scraper>();

        if (!services.Any(d => d.ServiceType == typeof(BuiltInCollectorsMarker)))
        {
            services.AddSingleton<BuiltInCollectorsMarker>();
            foreach (var registration in BuiltInCollectors.All)
            {
                services.AddSingleton(registration);
            }

            BuiltInCollectors.AddOptions(services);
        }

        return services;
    }

    /// <summary>Adds a collector of your own; it runs in the same scrape, timed and isolated like the built-in ones.</summary>
    public static IServiceCollection AddCollector(
        this IServiceCollection services, string name, Func<IServiceProvider, ICollector> factory, bool enabledByDefault = true)
    {
        services.AddSingleton(new CollectorRegistration(name, enabledByDefault, factory));
        return services;
    }

    /// <summary>
    /// Binds a collector's options from the child <paramref name="key"/> of the exporter's configuration
    /// section (when one was given) and validates them at start-up.
    /// </summary>
    public static OptionsBuilder<TOptions> AddCollectorOptions<TOptions>(this IServiceCollection services, string key)
        where TOptions : class
    {
        return services.AddOptions<TOptions>()
            .Configure<ExporterConfiguration>((options, exporter) => exporter.Section?.GetSection(key).Bind(options, binder => binder.ErrorOnUnknownConfiguration = true))
            .ValidateOnStart();
    }

    private sealed class BuiltInCollectorsMarker;
}
