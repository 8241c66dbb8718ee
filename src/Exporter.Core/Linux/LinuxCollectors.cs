using Exporter.Core.Collection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exporter.Core.Linux;

/// <summary>The node_exporter-compatible Linux collectors, with node_exporter's defaults.</summary>
internal static class LinuxCollectors
{
    public static IReadOnlyList<CollectorRegistration> Registrations { get; } =
    [
        new("loadavg", true, sp => new LoadavgCollector(sp.GetRequiredService<HostPaths>())),
        new("cpu", true, sp => new CpuCollector(sp.GetRequiredService<HostPaths>(), sp.GetRequiredService<IOptions<CpuOptions>>().Value)),
        new("stat", true, sp => new StatCollector(sp.GetRequiredService<HostPaths>(), sp.GetRequiredService<IOptions<StatOptions>>().Value)),
        new("meminfo", true, sp => new MeminfoCollector(sp.GetRequiredService<HostPaths>())),
        new("time", true, sp => new TimeCollector(sp.GetRequiredService<HostPaths>(), sp.GetRequiredService<TimeProvider>())),
        new("uname", true, _ => new UnameCollector()),
        new("netstat", true, sp => new NetstatCollector(sp.GetRequiredService<HostPaths>(), sp.GetRequiredService<IOptions<NetstatOptions>>().Value)),
        new("sockstat", true, sp => new SockstatCollector(sp.GetRequiredService<HostPaths>())),
    ];

    public static void AddOptions(IServiceCollection services)
    {
        services.AddCollectorOptions<CpuOptions>("cpu")
            .Validate(o => o.HasValidIncludes(), "--collector.cpu.info.flags-include / bugs-include is not a valid regular expression");
        services.AddCollectorOptions<StatOptions>("stat");
        services.AddCollectorOptions<NetstatOptions>("netstat")
            .Validate(o => o.HasValidFields(), "--collector.netstat.fields (Exporter:netstat:Fields) is not a valid regular expression");
    }
}
