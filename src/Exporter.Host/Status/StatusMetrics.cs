using System.Collections.Frozen;

namespace Exporter.Host.Status;

/// <summary>
/// The metric names the status page reads: the same names /metrics serves (node_exporter's,
/// cAdvisor's, the database exporters'), so the page and a Prometheus query agree.
/// </summary>
internal static class StatusMetrics
{
    public const string CollectorSuccess = "node_scrape_collector_success";
    public const string CollectorDuration = "node_scrape_collector_duration_seconds";

    public const string Uname = "node_uname_info";
    public const string Time = "node_time_seconds";
    public const string BootTime = "node_boot_time_seconds";
    public const string CpuSeconds = "node_cpu_seconds_total";
    public const string Load1 = "node_load1";
    public const string Load5 = "node_load5";
    public const string Load15 = "node_load15";
    public const string MemTotal = "node_memory_MemTotal_bytes";
    public const string MemAvailable = "node_memory_MemAvailable_bytes";
    public const string SwapTotal = "node_memory_SwapTotal_bytes";
    public const string SwapFree = "node_memory_SwapFree_bytes";
    public const string FsSize = "node_filesystem_size_bytes";
    public const string FsAvail = "node_filesystem_avail_bytes";
    public const string FsFree = "node_filesystem_free_bytes";
    public const string FsReadonly = "node_filesystem_readonly";
    public const string FsDeviceError = "node_filesystem_device_error";
    public const string DiskRead = "node_disk_read_bytes_total";
    public const string DiskWritten = "node_disk_written_bytes_total";
    public const string NetReceive = "node_network_receive_bytes_total";
    public const string NetTransmit = "node_network_transmit_bytes_total";

    public const string DockerUp = "docker_up";
    public const string ContainerState = "container_state";
    public const string ContainerStart = "container_start_time_seconds";
    public const string ContainerCpu = "container_cpu_usage_seconds_total";
    public const string ContainerWorkingSet = "container_memory_working_set_bytes";
    public const string ContainerMemoryUsage = "container_memory_usage_bytes";
    public const string ContainerMemoryLimit = "container_spec_memory_limit_bytes";
    public const string ContainerRestarts = "container_restart_count";
    public const string ContainerHealth = "container_health_status";

    public const string PgUp = "pg_up";
    public const string PgActivity = "pg_stat_activity_count";
    public const string PgMaxConnections = "pg_settings_max_connections";
    public const string PgDatabaseSize = "pg_database_size_bytes";
    public const string RedisUp = "redis_up";
    public const string RedisMemoryUsed = "redis_memory_used_bytes";
    public const string RedisMemoryMax = "redis_memory_max_bytes";
    public const string RedisKeys = "redis_db_keys";
    public const string RedisClients = "redis_connected_clients";
    public const string RedisMaxClients = "redis_max_clients";
    public const string MongoUp = "mongodb_up";
    public const string MongoConnections = "mongodb_ss_connections";
    public const string MongoCollections = "mongodb_dbstats_collections";
    public const string MongoStorage = "mongodb_dbstats_storageSize";

    /// <summary>Every family a reading keeps; the rest of a collection is not held.</summary>
    public static readonly FrozenSet<string> Read = new[]
    {
        CollectorSuccess, CollectorDuration, Uname, Time, BootTime, CpuSeconds, Load1, Load5, Load15, MemTotal, MemAvailable,
        SwapTotal, SwapFree, FsSize, FsAvail, FsFree, FsReadonly, FsDeviceError, DiskRead, DiskWritten, NetReceive, NetTransmit,
        DockerUp, ContainerState, ContainerStart, ContainerCpu, ContainerWorkingSet, ContainerMemoryUsage, ContainerMemoryLimit,
        ContainerRestarts, ContainerHealth, PgUp, PgActivity, PgMaxConnections, PgDatabaseSize, RedisUp, RedisMemoryUsed,
        RedisMemoryMax, RedisKeys, RedisClients, RedisMaxClients, MongoUp, MongoConnections, MongoCollections, MongoStorage,
    }.ToFrozenSet(StringComparer.Ordinal);
}
