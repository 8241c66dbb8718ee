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

    // On Windows and macOS the meminfo collector reads memory from the system itself, fresher than
    // the runtime's view at its last garbage collection; two collectors must not write one series.
    private static readonly bool Memory = !OperatingSystem.IsWindows() && !OperatingSystem.IsMacOS();

    public static IReadOnlyList<CollectorRegistration> Registrations { get; } =
    [
        new("portable_system", OnByDefault, sp => new PortableSystemCollector(sp.GetRequiredService<TimeProvider>(), Memory)),
        new("portable_filesystem", OnByDefault, _ => new PortableFilesystemCollector()),
        new("portable_netdev", OnByDefault, _ => new PortableNetworkCollector()),
        new("portable_processes", OnByDefault, _ => new PortableProcessesCollector()),
    ];
}
