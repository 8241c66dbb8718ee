using Exporter.Core.Collection;
using Microsoft.Extensions.DependencyInjection;

namespace Exporter.Core.Linux;

/// <summary>The node_exporter-compatible Linux collectors, with node_exporter's defaults.</summary>
internal static class LinuxCollectors
{
    public static IReadOnlyList<CollectorRegistration> Registrations { get; } =
    [
        new("loadavg", true, sp => new LoadavgCollector(sp.GetRequiredService<HostPaths>())),
        new("arp", true, sp => new ArpCollector(sp.GetRequiredService<HostPaths>())),
        new("processes", false, sp => new ProcessesCollector(sp.GetRequiredService<HostPaths>())),
        new("tcpstat", false, sp => new TcpStatCollector(sp.GetRequiredService<HostPaths>())),
    ];

    public static void AddOptions(IServiceCollection services)
    {
    }
}
