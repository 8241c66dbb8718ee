using Exporter.Core.Collection;
using Microsoft.Extensions.DependencyInjection;

namespace Exporter.Core.Portable;

/// <summary>
/// Collectors built on .NET's own APIs, for Windows and macOS, where the Linux collectors find no
/// procfs. On by default everywhere but Linux; on Linux the procfs collectors give the same names
/// with more detail, so these are off (--collector.portable_system etc. turn them on).
/// </summary>
internal static class PortableCollectors
{
    private static readonly bool OnByDefault = !OperatingSystem.IsLinux();

    public static IReadOnlyList<CollectorRegistration> Registrations { get; } =
    [
        new("portable_system", OnByDefault, sp => new PortableSystemCollector(sp.GetRequiredService<TimeProvider>())),
        new("portable_filesystem", OnByDefault, _ => new PortableFilesystemCollector()),
        new("portable_netdev", OnByDefault, _ => new PortableNetworkCollector()),
        new("portable_processes", OnByDefault, _ => new PortableProcessesCollector()),
    ];
}
