using Exporter.Core.Collection;
using Exporter.Core.Linux;
using Exporter.Core.MacOS;
using Exporter.Core.Meters;
using Exporter.Core.Portable;
using Exporter.Core.Processes;
using Exporter.Core.Self;
using Exporter.Core.Windows;
using Microsoft.Extensions.DependencyInjection;

namespace Exporter.Core;

/// <summary>
/// Every collector that ships with this package, by area. Docker and the databases come in their own
/// packages and add themselves to the builder (<c>AddDocker()</c>, <c>AddPostgres()</c>, ...).
/// </summary>
public static class BuiltInCollectors
{
    /// <summary>Every built-in collector's registration.</summary>
    public static IReadOnlyList<CollectorRegistration> All { get; } =
    [
        .. LinuxCollectors.Registrations.Select(ForThisSystem),
        .. ProcessGroupsCollectors.Registrations,
        .. SelfCollectors.Registrations,
        .. MeterCollectors.Registrations,
        .. PortableCollectors.Registrations,
    ];

    /// <summary>Names of this package's collectors, as --collector.NAME and collect[]=NAME know them.</summary>
    public static IEnumerable<string> Names => All.Select(r => r.Name);

    internal static void AddOptions(PrometheusMetricsBuilder builder)
    {
        MeterCollectors.AddServices(builder.Services);
        LinuxCollectors.AddOptions(builder);
        ProcessGroupsCollectors.AddOptions(builder);
    }

    // Without procfs the Linux collectors would only fail. On Windows and macOS the system's own
    // implementation takes a Linux collector's place under its name where there is one (cpu, meminfo,
    // diskstats); the rest are off, and the portable collectors fill in.
    private static CollectorRegistration ForThisSystem(CollectorRegistration registration) =>
        OperatingSystem.IsLinux()
            ? registration
            : SystemCollectors().FirstOrDefault(r => r.Name == registration.Name) ?? registration with { EnabledByDefault = false };

    private static IReadOnlyList<CollectorRegistration> SystemCollectors() =>
        OperatingSystem.IsWindows() ? WindowsCollectors.Registrations
        : OperatingSystem.IsMacOS() ? MacOSCollectors.Registrations
        : [];
}
