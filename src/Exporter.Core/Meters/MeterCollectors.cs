using System.Diagnostics.Metrics;
using Exporter.Core.Collection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exporter.Core.Meters;

/// <summary>The <c>meters</c> collector's registration: on by default in the library.</summary>
internal static class MeterCollectors
{
    public const string Name = "meters";

    public static IReadOnlyList<CollectorRegistration> Registrations { get; } =
    [
        new(Name, true, sp => new MetersCollector(
            sp.GetRequiredService<MeterBridge>(),
            sp.GetRequiredService<IOptions<PrometheusMetricsOptions>>().Value.Meters,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Exporter.Core.Meters"))),
    ];

    public static void AddServices(IServiceCollection services) =>
        services.AddSingleton(sp => new MeterBridge(
            sp.GetRequiredService<IOptions<PrometheusMetricsOptions>>().Value.Meters,
            sp.GetService<IMeterFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Exporter.Core.Meters")));
}
