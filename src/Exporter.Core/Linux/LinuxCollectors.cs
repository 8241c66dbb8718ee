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
