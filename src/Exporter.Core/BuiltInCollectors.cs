using Exporter.Core.Collection;
using Exporter.Core.Databases;
using Exporter.Core.Docker;
using Exporter.Core.Linux;
using Exporter.Core.Meters;
using Exporter.Core.Portable;
using Exporter.Core.Processes;
using Exporter.Core.Self;
using Microsoft.Extensions.DependencyInjection;

namespace Exporter.Core;

/// <summary>Every collector that ships with the library, by area.</summary>
public static class BuiltInCollectors
{
    /// <summary>Every built-in collector's registration.</summary>
    public static IReadOnlyList<CollectorRegistration> All { get; } =
    [
        .. LinuxCollectors.Registrations.Select(OnlyOnLinux),
        .. ProcessGroupsCollectors.Registrations,
        .. SelfCollectors.Registrations,
        .. MeterCollectors.Registrations,
        .. PortableCollectors.Registrations,
        .. DockerCollectors.Registrations,
        .. DatabaseCollectors.Registrations,
    ];

    /// <summary>Names known to --collector.NAME and collect[]=NAME.</summary>
    public static IEnumerable<string> Names => All.Select(r => r.Name);

    internal static void AddOptions(PrometheusMetricsBuilder builder)
    {
        MeterCollectors.AddServices(builder.Services);
        LinuxCollectors.AddOptions(builder);
        ProcessGroupsCollectors.AddOptions(builder);
        DockerCollectors.AddOptions(builder);
        DatabaseCollectors.AddOptions(builder);
    }

    // Without procfs the Linux collectors would only fail; elsewhere the portable ones take over.
    private static CollectorRegistration OnlyOnLinux(CollectorRegistration registration) =>
        OperatingSystem.IsLinux() ? registration : registration with { EnabledByDefault = false };
}
