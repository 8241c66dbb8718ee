using System.Runtime.Versioning;
using Exporter.Core.Collection;

namespace Exporter.Core.Windows;

/// <summary>
/// The Windows implementations of Linux collectors, under the same collector names (as node_exporter
/// names its macOS and BSD collectors) and the same metric names, so the same dashboards, rules and
/// flags (--no-collector.cpu) work. They take the Linux collectors' places on Windows.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WindowsCollectors
{
    public static IReadOnlyList<CollectorRegistration> Registrations { get; } =
    [
        new("cpu", true, _ => new WindowsCpuCollector()),
        new("meminfo", true, _ => new WindowsMemoryCollector()),
        new("diskstats", true, _ => new WindowsDiskCollector()),
    ];
}
