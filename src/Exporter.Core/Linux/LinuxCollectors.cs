using System.Diagnostics.CodeAnalysis;
using Exporter.Core.Collection;
using Microsoft.Extensions.Configuration;
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
        new("loadavg", true, sp => new LoadavgCollector(Paths(sp))),
        new("cpu", true, sp => new CpuCollector(Paths(sp), Options<CpuOptions>(sp))),
        new("stat", true, sp => new StatCollector(Paths(sp), Options<StatOptions>(sp))),
        new("meminfo", true, sp => new MeminfoCollector(Paths(sp))),
        new("time", true, sp => new TimeCollector(Paths(sp), sp.GetRequiredService<TimeProvider>())),
        new("uname", true, _ => new UnameCollector()),
        new("netstat", true, sp => new NetstatCollector(Paths(sp), Options<NetstatOptions>(sp))),
        new("sockstat", true, sp => new SockstatCollector(Paths(sp))),
        new("conntrack", true, sp => new ConntrackCollector(Paths(sp))),
        new("entropy", true, sp => new EntropyCollector(Paths(sp))),
        new("filefd", true, sp => new FilefdCollector(Paths(sp))),
        new("hwmon", true, sp => new HwmonCollector(Paths(sp))),
        new("interrupts", false, sp => new InterruptsCollector(Paths(sp))),
        new("netclass", true, sp => new NetClassCollector(Paths(sp), Options<NetClassOptions>(sp))),
        new("os", true, sp => new OsCollector(Paths(sp))),
        new("pressure", true, sp => new PressureCollector(Paths(sp))),
        new("schedstat", true, sp => new SchedstatCollector(Paths(sp))),
        new("softnet", true, sp => new SoftnetCollector(Paths(sp))),
        new("thermal_zone", true, sp => new ThermalZoneCollector(Paths(sp))),
        new("timex", true, _ => new TimexCollector()),
        new("udp_queues", true, sp => new UdpQueuesCollector(Paths(sp))),
        new("vmstat", true, sp => new VmstatCollector(Paths(sp), Options<VmstatOptions>(sp))),
        new("filesystem", true, sp => new FilesystemCollector(
            Paths(sp), Options<FilesystemOptions>(sp), Options<PrometheusMetricsOptions>(sp).CollectorTimeout, Logger<FilesystemCollector>(sp))),
        new("diskstats", true, sp => new DiskstatsCollector(Paths(sp), Options<DiskstatsOptions>(sp))),
        new("netdev", true, sp => new NetDevCollector(Paths(sp), Options<NetDevOptions>(sp))),
        new("arp", true, sp => new ArpCollector(Paths(sp))),
        new("processes", false, sp => new ProcessesCollector(Paths(sp))),
        new("tcpstat", false, sp => new TcpStatCollector(Paths(sp))),
        new("textfile", true, sp => new TextfileCollector(Options<TextfileOptions>(sp), Logger<TextfileCollector>(sp))),
    ];

    // Each Bind call names its options type, so the configuration binding source generator turns
    // it into generated code (no reflection: the native host stays trim- and AOT-safe).
    public static void AddOptions(PrometheusMetricsBuilder builder)
    {
        builder.AddCollectorOptions<StatOptions>("stat", (s, o) => s.Bind(o, PrometheusMetricsBuilder.Strict));
        builder.AddCollectorOptions<TextfileOptions>("textfile", (s, o) => s.Bind(o, PrometheusMetricsBuilder.Strict));
        AddValidated<CpuOptions>(builder, "cpu", (s, o) => s.Bind(o, PrometheusMetricsBuilder.Strict), o => o.Errors());
        AddValidated<NetstatOptions>(builder, "netstat", (s, o) => s.Bind(o, PrometheusMetricsBuilder.Strict), o => o.Errors());
        AddValidated<NetClassOptions>(builder, "netclass", (s, o) => s.Bind(o, PrometheusMetricsBuilder.Strict), o => o.Errors());
        AddValidated<VmstatOptions>(builder, "vmstat", (s, o) => s.Bind(o, PrometheusMetricsBuilder.Strict), o => o.Errors());
        AddValidated<FilesystemOptions>(builder, "filesystem", (s, o) => s.Bind(o, PrometheusMetricsBuilder.Strict), o => o.Errors());
        AddValidated<DiskstatsOptions>(builder, "diskstats", (s, o) => s.Bind(o, PrometheusMetricsBuilder.Strict), o => o.Errors());
        AddValidated<NetDevOptions>(builder, "netdev", (s, o) => s.Bind(o, PrometheusMetricsBuilder.Strict), o => o.Errors());
    }

    // Every options class lists what is wrong with it (each message names the flag), so start-up
    // reports all the mistakes at once rather than one generic "invalid" per class.
    private static void AddValidated<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        PrometheusMetricsBuilder builder, string key, Action<IConfiguration, TOptions> bind, Func<TOptions, IEnumerable<string>> errors)
        where TOptions : class
    {
        builder.AddCollectorOptions(key, bind);
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new OptionsValidator<TOptions>(errors));
    }

    private static HostPaths Paths(IServiceProvider services) => services.GetRequiredService<HostPaths>();

    private static T Options<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(IServiceProvider services)
        where T : class => services.GetRequiredService<IOptions<T>>().Value;

    private static ILogger Logger<T>(IServiceProvider services) =>
        services.GetService<ILogger<T>>() ?? (ILogger)NullLogger.Instance;
}
