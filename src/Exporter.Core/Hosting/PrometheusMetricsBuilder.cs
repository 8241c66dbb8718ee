using System.Diagnostics.CodeAnalysis;
using Exporter.Core;
using Exporter.Core.Collection;
using Exporter.Core.Hosting;
using Exporter.Core.Meters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What <c>AddPrometheusMetrics</c> returns: the place where collectors and integrations (Docker,
/// databases, an app's own collectors) add themselves to the one scrape.
/// </summary>
public sealed class PrometheusMetricsBuilder
{
    internal PrometheusMetricsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds a collector; it runs in the same scrape, timed and isolated like the built-in ones.</summary>
    /// <param name="name">The collector's name, as used by <c>--collector.NAME</c> and <c>collect[]=NAME</c>.</param>
    /// <param name="factory">Creates the collector once, when the scraper starts.</param>
    /// <param name="enabledByDefault">Whether it runs when no setting says otherwise.</param>
    public PrometheusMetricsBuilder AddCollector(string name, Func<IServiceProvider, ICollector> factory, bool enabledByDefault = true) =>
        AddCollector(new CollectorRegistration(name, enabledByDefault, factory));

    /// <summary>Adds a collector described by a registration (e.g. one enabled by default only when its service exists).</summary>
    public PrometheusMetricsBuilder AddCollector(CollectorRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        Services.AddSingleton(registration);
        return this;
    }

    /// <summary>
    /// Exports the meters with these names besides the built-in ones; <c>*</c> is a wildcard
    /// (<c>AddMeter("MyCompany.*")</c>). The same as adding them to <c>Meters.Include</c>.
    /// </summary>
    public PrometheusMetricsBuilder AddMeter(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Services.Configure<PrometheusMetricsOptions>(options =>
        {
            foreach (var name in names)
            {
                options.Meters.Include.Add(name);
            }
        });
        return this;
    }

    /// <summary>Configures the <c>meters</c> collector: exclusions, naming, buckets, limits (see <see cref="MeterExportOptions"/>).</summary>
    public PrometheusMetricsBuilder ConfigureMeters(Action<MeterExportOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure<PrometheusMetricsOptions>(options => configure(options.Meters));
        return this;
    }

    /// <summary>
    /// Binds a collector's options from the child <paramref name="key"/> of the exporter's configuration
    /// section (when one was given), rejecting unknown keys, and validates them at start-up. Binds
    /// by reflection; in a trimmed or NativeAOT app use the overload that takes a bind delegate.
    /// </summary>
    [RequiresUnreferencedCode("Binds TOptions by reflection. Use AddCollectorOptions(key, bind) in trimmed or native apps.")]
    [RequiresDynamicCode("Binds TOptions by reflection. Use AddCollectorOptions(key, bind) in trimmed or native apps.")]
    public OptionsBuilder<TOptions> AddCollectorOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions>(string key)
        where TOptions : class
    {
        // Through a delegate, not a call: the configuration binding source generator would otherwise
        // try (and fail) to generate code for an unknown TOptions; this overload is the reflection one.
        Action<IConfiguration, object?, Action<BinderOptions>?> bind = ConfigurationBinder.Bind;
        return AddCollectorOptions<TOptions>(key, (section, options) => bind(section, options, Strict));
    }

    /// <summary>
    /// Binds a collector's options from the child <paramref name="key"/> of the exporter's configuration
    /// section (when one was given) with <paramref name="bind"/>, and validates them at start-up. Pass
    /// <c>(section, options) =&gt; section.Bind(options, b =&gt; b.ErrorOnUnknownConfiguration = true)</c>:
    /// with the configuration binding source generator on (<c>EnableConfigurationBindingGenerator</c>)
    /// that call is generated code, safe for trimming and NativeAOT.
    /// </summary>
    public OptionsBuilder<TOptions> AddCollectorOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        string key, Action<IConfiguration, TOptions> bind)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(bind);
        return Services.AddOptions<TOptions>()
            .Configure<ExporterConfiguration>((options, exporter) =>
            {
                if (exporter.Section is { } section)
                {
                    bind(section.GetSection(key), options);
                }
            })
            .ValidateOnStart();
    }

    /// <summary>Collector settings are strict: a misspelt key is an error at start-up, not a silent default.</summary>
    internal static void Strict(BinderOptions binder) => binder.ErrorOnUnknownConfiguration = true;
}
