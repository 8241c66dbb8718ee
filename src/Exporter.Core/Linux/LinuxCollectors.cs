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
    ];

    public static void AddOptions(IServiceCollection services)
    {
        services.AddCollectorOptions<StatOptions>("stat");
        AddValidated<CpuOptions>(services, "cpu", o => o.Errors());
        AddValidated<NetstatOptions>(services, "netstat", o => o.Errors());
        AddValidated<NetClassOptions>(services, "netclass", o => o.Errors());
        AddValidated<VmstatOptions>(services, "vmstat", o => o.Errors());
        AddValidated<FilesystemOptions>(services, "filesystem", o => o.Errors());
        AddValidated<DiskstatsOptions>(services, "diskstats", o => o.Errors());
        AddValidated<NetDevOptions>(services, "netdev", o => o.Errors());
    }

    // Every options class lists what is wrong with it (each message names the flag), so start-up
    // reports all the mistakes at once rather than one generic "invalid" per class.
    private static void AddValidated<TOptions>(IServiceCollection services, string key, Func<TOptions, IEnumerable<string>> errors)
        where TOptions : class
    {
        services.AddCollectorOptions<TOptions>(key);
        services.AddSingleton<IValidateOptions<TOptions>>(new OptionsValidator<TOptions>(errors));
    }

    private static ILogger Logger<T>(IServiceProvider services) =>
        services.GetService<ILogger<T>>() ?? (ILogger)NullLogger.Instance;
}
