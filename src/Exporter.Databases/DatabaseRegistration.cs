using Exporter.Core;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exporter.Databases;

/// <summary>
/// How a database package adds its collector: one collector per kind (postgres, redis, mongodb),
/// scraping every target of that kind concurrently. It is off until it has targets: configuring a
/// target enables it (unless <c>--no-collector.NAME</c> says otherwise), so an exporter without
/// databases shows no trace of them.
/// </summary>
public static class DatabaseRegistration
{
    /// <summary>
    /// Adds the collector <paramref name="kind"/> for the targets <paramref name="targets"/> selects
    /// from <see cref="DatabaseOptions"/>, each created by <paramref name="create"/>. Adding the same
    /// kind again adds nothing.
    /// </summary>
    /// <param name="builder">The exporter's builder.</param>
    /// <param name="kind">The collector's name, also the first word of its log lines.</param>
    /// <param name="up">The gauge that is 1 per target that answered, 0 per target that did not.</param>
    /// <param name="targets">This kind's list in <see cref="DatabaseOptions"/>.</param>
    /// <param name="create">Creates one target with its timeout, logger and clock.</param>
    public static PrometheusMetricsBuilder AddDatabase<TTarget>(
        PrometheusMetricsBuilder builder,
        string kind,
        MetricDescriptor up,
        Func<DatabaseOptions, List<TTarget>> targets,
        Func<TTarget, TimeSpan, ILogger, TimeProvider, DatabaseTarget> create)
        where TTarget : DatabaseTargetOptions
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(CollectorRegistration) && d.ImplementationInstance is CollectorRegistration r && r.Name == kind))
        {
            return builder;
        }

        AddOptions(builder);
        builder.AddCollector(new CollectorRegistration(kind, EnabledByDefault: false, sp => Create(sp, kind, up, targets, create)));
        builder.Services.AddOptions<PrometheusMetricsOptions>().PostConfigure<IOptions<DatabaseOptions>>((options, databases) =>
        {
            DatabaseOptions configured;
            try
            {
                configured = databases.Value;
            }
            catch (OptionsValidationException)
            {
                // Reported once, by the database options' own start-up validation.
                return;
            }

            if (targets(configured).Count > 0)
            {
                options.Collectors.TryAdd(kind, true);
            }
        });
        return builder;
    }

    private static void AddOptions(PrometheusMetricsBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(DatabaseOptionsMarker)))
        {
            return;
        }

        builder.Services.AddSingleton<DatabaseOptionsMarker>();
        builder.AddCollectorOptions<DatabaseOptions>("Databases", (section, options) => section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
    }

    private static DatabaseCollector Create<TTarget>(
        IServiceProvider services,
        string kind,
        MetricDescriptor up,
        Func<DatabaseOptions, List<TTarget>> targets,
        Func<TTarget, TimeSpan, ILogger, TimeProvider, DatabaseTarget> create)
        where TTarget : DatabaseTargetOptions
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var collectorTimeout = services.GetRequiredService<IOptions<PrometheusMetricsOptions>>().Value.CollectorTimeout;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Exporter.Databases");
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;

        // A target must give up before the collector does, or its up 0 would be lost with the rest.
        return new DatabaseCollector(kind, up, [.. targets(options).Select(t =>
            create(t, Min(t.Timeout ?? DatabaseTargetOptions.DefaultTimeout, collectorTimeout * 0.8), logger, time))]);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed class DatabaseOptionsMarker;
}
