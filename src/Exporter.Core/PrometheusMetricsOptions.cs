using Exporter.Core.Meters;

namespace Exporter.Core;

/// <summary>
/// Settings of the scraper and the built-in collectors, bound from the "Exporter" configuration
/// section (appsettings.json, environment variables such as Exporter__Path__Procfs, or the host's
/// node_exporter-style flags).
/// </summary>
public sealed class PrometheusMetricsOptions
{
    internal const string SectionName = "Exporter";
    internal static readonly TimeSpan DefaultCollectorTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Where procfs, sysfs and the host's root file system are mounted.</summary>
    public PathOptions Path { get; set; } = new();

    /// <summary>Collector name → enabled, overriding each collector's default.</summary>
    public Dictionary<string, bool> Collectors { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When true, only collectors set to true in <see cref="Collectors"/> run.</summary>
    public bool DisableDefaultCollectors { get; set; }

    /// <summary>
    /// How long one collector may take before the scrape goes on without it. Well under Prometheus'
    /// default 10 s scrape timeout, so one stuck collector never costs the whole scrape.
    /// </summary>
    public TimeSpan CollectorTimeout { get; set; } = DefaultCollectorTimeout;

    /// <summary>Which System.Diagnostics.Metrics meters the <c>meters</c> collector exports, and their names.</summary>
    public MeterExportOptions Meters { get; set; } = new();
}

/// <summary>Mount points of the host's file systems (node_exporter's --path.* flags).</summary>
public sealed class PathOptions
{
    /// <summary>procfs mount point (<c>--path.procfs</c>), default <c>/proc</c>.</summary>
    public string Procfs { get; set; } = "/proc";

    /// <summary>sysfs mount point (<c>--path.sysfs</c>), default <c>/sys</c>.</summary>
    public string Sysfs { get; set; } = "/sys";

    /// <summary>The host's root file system (<c>--path.rootfs</c>), default <c>/</c>; stripped from reported mount points.</summary>
    public string Rootfs { get; set; } = "/";
}
