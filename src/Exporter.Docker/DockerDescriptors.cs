using System.Text.RegularExpressions;
using Exporter.Core.Exposition;

namespace Exporter.Docker;

/// <summary>
/// The docker collector's metric families. Per-container families carry name, image, id, then one
/// container_label_KEY per allow-listed label (cAdvisor's naming), then their own labels.
/// </summary>
internal sealed partial class DockerDescriptors
{
    public static readonly string[] States = ["created", "running", "paused", "restarting", "exited", "dead"];

    public DockerDescriptors(IReadOnlyList<string> labelKeys)
    {
        string[] common = ["name", "image", "id", .. labelKeys.Select(LabelName)];

        MetricDescriptor Counter(string name, string help, params string[] extra) => new(name, help, MetricType.Counter, [.. common, .. extra]);
        MetricDescriptor Gauge(string name, string help, params string[] extra) => new(name, help, MetricType.Gauge, [.. common, .. extra]);

        CpuUsage = Counter("container_cpu_usage_seconds_total", "Cumulative cpu time consumed in seconds.", "cpu");
        CpuUser = Counter("container_cpu_user_seconds_total", "Cumulative user cpu time consumed in seconds.");
        CpuSystem = Counter("container_cpu_system_seconds_total", "Cumulative system cpu time consumed in seconds.");
        CfsPeriods = Counter("container_cpu_cfs_periods_total", "Number of elapsed enforcement period intervals.");
        CfsThrottledPeriods = Counter("container_cpu_cfs_throttled_periods_total", "Number of throttled period intervals.");
        CfsThrottledSeconds = Counter("container_cpu_cfs_throttled_seconds_total", "Total time duration the container has been throttled.");
        MemoryUsage = Gauge("container_memory_usage_bytes", "Current memory usage in bytes, including all memory regardless of when it was accessed.");
        MemoryWorkingSet = Gauge("container_memory_working_set_bytes", "Current working set in bytes (usage minus inactive file pages).");
        MemoryRss = Gauge("container_memory_rss", "Size of RSS in bytes.");
        MemoryCache = Gauge("container_memory_cache", "Number of bytes of page cache memory.");
        MemoryLimit = Gauge("container_spec_memory_limit_bytes", "Memory limit for the container (0: none).");
        Processes = Gauge("container_processes", "Number of processes running inside the container.");
        StartTime = Gauge("container_start_time_seconds", "Start time of the container since unix epoch in seconds.");
        FsReads = Counter("container_fs_reads_bytes_total", "Cumulative count of bytes read.", "device");
        FsWrites = Counter("container_fs_writes_bytes_total", "Cumulative count of bytes written.", "device");
        Network =
        [
            Counter("container_network_receive_bytes_total", "Cumulative count of bytes received.", "interface"),
            Counter("container_network_receive_packets_total", "Cumulative count of packets received.", "interface"),
            Counter("container_network_receive_errors_total", "Cumulative count of errors encountered while receiving.", "interface"),
            Counter("container_network_receive_packets_dropped_total", "Cumulative count of packets dropped while receiving.", "interface"),
            Counter("container_network_transmit_bytes_total", "Cumulative count of bytes transmitted.", "interface"),
            Counter("container_network_transmit_packets_total", "Cumulative count of packets transmitted.", "interface"),
            Counter("container_network_transmit_errors_total", "Cumulative count of errors encountered while transmitting.", "interface"),
            Counter("container_network_transmit_packets_dropped_total", "Cumulative count of packets dropped while transmitting.", "interface"),
        ];
        State = Gauge("container_state", "The container's state (created, running, paused, restarting, exited, dead): 1 for the current one.", "state");
        RestartCount = Gauge("container_restart_count", "Times the engine restarted the container under its restart policy.");
        Health = Gauge("container_health_status", "The container's health check status (starting, healthy, unhealthy): 1 for the current one.", "status");
        ExitCode = Gauge("container_exit_code", "Exit code of the container's last run (0 while running).");
    }

    public static MetricDescriptor Up { get; } = new("docker_up", "Whether the Docker engine answered (1) or not (0).", MetricType.Gauge);

    public static MetricDescriptor Containers { get; } = new("docker_containers", "Number of containers by state.", MetricType.Gauge, "state");

    public MetricDescriptor CpuUsage { get; }

    public MetricDescriptor CpuUser { get; }

    public MetricDescriptor CpuSystem { get; }

    public MetricDescriptor CfsPeriods { get; }

    public MetricDescriptor CfsThrottledPeriods { get; }

    public MetricDescriptor CfsThrottledSeconds { get; }

    public MetricDescriptor MemoryUsage { get; }

    public MetricDescriptor MemoryWorkingSet { get; }

    public MetricDescriptor MemoryRss { get; }

    public MetricDescriptor MemoryCache { get; }

    public MetricDescriptor MemoryLimit { get; }

    public MetricDescriptor Processes { get; }

    public MetricDescriptor StartTime { get; }

    public MetricDescriptor FsReads { get; }

    public MetricDescriptor FsWrites { get; }

    /// <summary>rx bytes, packets, errors, dropped, then the same for tx.</summary>
    public IReadOnlyList<MetricDescriptor> Network { get; }

    public MetricDescriptor State { get; }

    public MetricDescriptor RestartCount { get; }

    public MetricDescriptor Health { get; }

    public MetricDescriptor ExitCode { get; }

    /// <summary>cAdvisor's container_label_KEY, with characters a label name cannot hold turned into '_'.</summary>
    public static string LabelName(string key) => "container_label_" + Invalid().Replace(key, "_");

    [GeneratedRegex("[^a-zA-Z0-9_]")]
    private static partial Regex Invalid();
}
