using Microsoft.Extensions.Configuration;

namespace Exporter.Host;

/// <summary>What the host serves: the core collectors, Docker's and the databases', from every package it ships.</summary>
internal static class HostMetrics
{
    /// <summary>Every collector name the host knows, for <c>--collector.NAME</c> and <c>--help</c>.</summary>
    public static IReadOnlyList<string> CollectorNames { get; } = GatherNames();

    public static PrometheusMetricsBuilder AddHostMetrics(this IServiceCollection services, IConfiguration exporter) =>
        services.AddPrometheusMetrics(exporter).AddDocker().AddPostgres().AddRedis().AddMongoDb();

    // The packages register their collectors on the builder; a throwaway service list shows their names
    // without building anything.
    private static IReadOnlyList<string> GatherNames()
    {
        var services = new ServiceCollection();
        services.AddHostMetrics(new ConfigurationBuilder().Build());
        return [.. services.Select(d => d.ImplementationInstance).OfType<Exporter.Core.Collection.CollectorRegistration>().Select(r => r.Name)];
    }
}
