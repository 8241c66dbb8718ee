using Exporter.Core.Collection;
using Exporter.Core.Databases.Mongo;
using Exporter.Core.Databases.Postgres;
using Exporter.Core.Databases.Redis;
using Exporter.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exporter.Core.Databases;

/// <summary>
/// The database collectors. Each is off until it has targets: configuring a target enables its
/// collector (unless --no-collector.NAME says otherwise), so an exporter without databases shows
/// no trace of them.
/// </summary>
internal static class DatabaseCollectors
{
    public static IReadOnlyList<CollectorRegistration> Registrations { get; } =
    [
        new("postgres", false, sp => Create(sp, "postgres", PostgresTarget.Up, o => o.Postgres, (t, timeout, log) => new PostgresTarget(t, timeout, log))),
        new("redis", false, sp => Create(sp, "redis", RedisTarget.Up, o => o.Redis, (t, timeout, log) => new RedisTarget(t, timeout, log))),
        new("mongodb", false, sp => Create(sp, "mongodb", MongoTarget.Up, o => o.MongoDb, (t, timeout, log) => new MongoTarget(t, timeout, log))),
    ];

    public static void AddOptions(PrometheusMetricsBuilder builder)
    {
        builder.AddCollectorOptions<DatabaseOptions>("Databases")
            .Configure<ExporterConfiguration>((options, exporter) =>
            {
                if ((options.ConfigFile ?? exporter.Section?["ConfigFile"]) is { Length: > 0 } file)
                {
                    DatabaseConfigFile.Load(file, options);
                }
            });
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        builder.Services.AddOptions<PrometheusMetricsOptions>().PostConfigure<IOptions<DatabaseOptions>>((options, databases) =>
        {
            DatabaseOptions targets;
            try
            {
                targets = databases.Value;
            }
            catch (OptionsValidationException)
            {
                // Reported once, by the database options' own start-up validation.
                return;
            }

            if (targets.Postgres.Count > 0)
            {
                options.Collectors.TryAdd("postgres", true);
            }

            if (targets.Redis.Count > 0)
            {
                options.Collectors.TryAdd("redis", true);
            }

            if (targets.MongoDb.Count > 0)
            {
                options.Collectors.TryAdd("mongodb", true);
            }
        });
    }

    private static DatabaseCollector Create<T>(
        IServiceProvider services,
        string name,
        Exposition.MetricDescriptor up,
        Func<DatabaseOptions, List<T>> targets,
        Func<T, TimeSpan, ILogger, DatabaseTarget> create)
        where T : DatabaseTargetOptions
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var collectorTimeout = services.GetRequiredService<IOptions<PrometheusMetricsOptions>>().Value.CollectorTimeout;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Exporter.Databases");

        // A target must give up before the collector does, or its up 0 would be lost with the rest.
        return new DatabaseCollector(name, up, [.. targets(options).Select(t =>
            create(t, Min(t.Timeout ?? DatabaseTargetOptions.DefaultTimeout, collectorTimeout * 0.8), logger))]);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
