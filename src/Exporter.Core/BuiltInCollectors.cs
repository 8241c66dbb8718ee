using Exporter.Core.Collection;
using Exporter.Core.Linux;
using Exporter.Core.Portable;
using Exporter.Core.Processes;
using Exporter.Core.Self;
using Microsoft.Extensions.DependencyInjection;

namespace Exporter.Core;

/// <summary>
/// Every collector that ships with this package, by area. Docker and the databases come in their own
/// packages and add themselves to the builder (<c>AddDocker()</c>, <c>AddPostgres()</c>, ...).
/// </summary>
public static class BuiltInCollectors
{
    public static IReadOnlyList<CollectorRegistration> All { get; } =
    [
        .. LinuxCollectors.Registrations.Select(OnlyOnLinux),
        .. ProcessGroupsCollectors.Registrations,
        .. SelfCollectors.Registrations,
        .. PortableCollectors.Registrations,
    ];

    /// <summary>Names of this package's collectors, as --collector.NAME and collect[]=NAME know them.</summary>
    public static IEnumerable<string> Names => All.Select(r => r.Name);

    internal static void AddOptions(PrometheusMetricsBuilder builder)
    {
        LinuxCollectors.AddOptions(builder);
        ProcessGroupsCollectors.AddOptions(builder);
    }

    // Without procfs the Linux collectors would only fail; elsewhere the portable ones take over.
    private static CollectorRegistration OnlyOnLinux(CollectorRegistration registration) =>
        OperatingSystem.IsLinux() ? registration : registration with { EnabledByDefault = false };
}
