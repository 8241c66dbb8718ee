using Exporter.Core.Collection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
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
        new("conntrack", true, sp => new ConntrackCollector(sp.GetRequiredService<HostPaths>())),
        new("entropy", true, sp => new EntropyCollector(sp.GetRequiredService<HostPaths>())),
        new("filefd", true, sp => new FilefdCollector(sp.GetRequiredService<HostPaths>())),
        new("hwmon", true, sp => new HwmonCollector(sp.GetRequiredService<HostPaths>())),
        new("interrupts", false, sp => new InterruptsCollector(sp.GetRequiredService<HostPaths>())),
        new("netclass", true, sp => new NetClassCollector(sp.GetRequiredService<HostPaths>(), sp.GetRequiredService<IOptions<NetClassOptions>>())),
        new("os", true, sp => new OsCollector(sp.GetRequiredService<HostPaths>())),
        new("pressure", true, sp => new PressureCollector(sp.GetRequiredService<HostPaths>())),
        new("schedstat", true, sp => new SchedstatCollector(sp.GetRequiredService<HostPaths>())),
        new("softnet", true, sp => new SoftnetCollector(sp.GetRequiredService<HostPaths>())),
        new("thermal_zone", true, sp => new ThermalZoneCollector(sp.GetRequiredService<HostPaths>())),
        new("timex", true, _ => new TimexCollector()),
        new("udp_queues", true, sp => new UdpQueuesCollector(sp.GetRequiredService<HostPaths>())),
        new("vmstat", true, sp => new VmstatCollector(sp.GetRequiredService<HostPaths>(), sp.GetRequiredService<IOptions<VmstatOptions>>())),
        new("filesystem", true, sp => new FilesystemCollector(
            sp.GetRequiredService<HostPaths>(),
            sp.GetRequiredService<IOptions<FilesystemOptions>>().Value,
            sp.GetRequiredService<IOptions<SystemMetricsOptions>>().Value.CollectorTimeout,
            Logger<FilesystemCollector>(sp))),
        new("diskstats", true, sp => new DiskstatsCollector(
            sp.GetRequiredService<HostPaths>(), sp.GetRequiredService<IOptions<DiskstatsOptions>>().Value)),
        new("netdev", true, sp => new NetDevCollector(
            sp.GetRequiredService<HostPaths>(), sp.GetRequiredService<IOptions<NetDevOptions>>().Value)),
        new("arp", true, sp => new ArpCollector(sp.GetRequiredService<HostPaths>())),
        new("processes", false, sp => new ProcessesCollector(sp.GetRequiredService<HostPaths>())),
        new("tcpstat", false, sp => new TcpStatCollector(sp.GetRequiredService<HostPaths>())),
    ];

    public static void AddOptions(IServiceCollection services)
    {
        services.AddCollectorOptions<CpuOptions>("cpu")
            .Validate(o => o.HasValidIncludes(), "--collector.cpu.info.flags-include / bugs-include is not a valid regular expression");
        services.AddCollectorOptions<StatOptions>("stat");
        services.AddCollectorOptions<NetstatOptions>("netstat")
            .Validate(o => o.HasValidFields(), "--collector.netstat.fields (Exporter:netstat:Fields) is not a valid regular expression");
        services.AddCollectorOptions<NetClassOptions>("netclass")
            .Validate(o => RegexValidation.IsValid(o.IgnoredDevices), "--collector.netclass.ignored-devices is not a valid regular expression");
        services.AddCollectorOptions<VmstatOptions>("vmstat")
            .Validate(o => RegexValidation.IsValid(o.Fields), "--collector.vmstat.fields is not a valid regular expression");
        services.AddCollectorOptions<FilesystemOptions>("filesystem");
        services.AddSingleton<IValidateOptions<FilesystemOptions>>(new OptionsValidator<FilesystemOptions>(o => o.Errors()));
        services.AddCollectorOptions<DiskstatsOptions>("diskstats");
        services.AddSingleton<IValidateOptions<DiskstatsOptions>>(new OptionsValidator<DiskstatsOptions>(o => o.Errors()));
        services.AddCollectorOptions<NetDevOptions>("netdev");
        services.AddSingleton<IValidateOptions<NetDevOptions>>(new OptionsValidator<NetDevOptions>(o => o.Errors()));
    }

    private static ILogger Logger<T>(IServiceProvider services) =>
        services.GetService<ILogger<T>>() ?? (ILogger)NullLogger.Instance;
}
