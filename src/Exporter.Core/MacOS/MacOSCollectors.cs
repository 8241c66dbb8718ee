using System.Runtime.Versioning;
using Exporter.Core.Collection;

namespace Exporter.Core.MacOS;

/// <summary>
/// The macOS implementations of Linux collectors, under the same collector and metric names (as
/// node_exporter names its darwin collectors), taking the Linux collectors' places on macOS.
/// </summary>
[SupportedOSPlatform("macos")]
internal static class MacOSCollectors
{
    public static IReadOnlyList<CollectorRegistration> Registrations { get; } =
    [
        new("cpu", true, _ => new MacOSCpuCollector()),
        new("meminfo", true, _ => new MacOSMemoryCollector()),
    ];
}
