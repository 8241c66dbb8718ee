using System.Globalization;
using Exporter.Core.Exposition;

namespace Exporter.Databases.Redis;

/// <summary>
/// INFO fields under redis_exporter's names (its metricMapGauges / metricMapCounters), each with a
/// <c>target</c> label in front of redis_exporter's own labels.
/// </summary>
internal static class RedisMetrics
{
    private static readonly (string Field, MetricDescriptor Descriptor)[] Numeric =
    [
        Gauge("uptime_in_seconds", "uptime_in_seconds"),
        Gauge("process_id", "process_id"),
        Gauge("connected_clients", "connected_clients"),
        Gauge("blocked_clients", "blocked_clients"),
        Gauge("maxclients", "max_clients"),
        Gauge("used_memory", "memory_used_bytes"),
        Gauge("used_memory_rss", "memory_used_rss_bytes"),
        Gauge("used_memory_peak", "memory_used_peak_bytes"),
        Gauge("used_memory_lua", "memory_used_lua_bytes"),
        Gauge("maxmemory", "memory_max_bytes"),
        Gauge("mem_fragmentation_ratio", "mem_fragmentation_ratio"),
        Gauge("rdb_changes_since_last_save", "rdb_changes_since_last_save"),
        Gauge("rdb_last_save_time", "rdb_last_save_timestamp_seconds"),
        Gauge("instantaneous_ops_per_sec", "instantaneous_ops_per_sec"),
        Gauge("connected_slaves", "connected_slaves"),
        Gauge("master_repl_offset", "master_repl_offset"),
        Gauge("repl_backlog_is_active", "repl_backlog_is_active"),
        Gauge("repl_backlog_size", "replication_backlog_bytes"),
        Gauge("master_last_io_seconds_ago", "master_last_io_seconds_ago"),
        Gauge("slave_repl_offset", "slave_repl_offset"),
        Counter("total_connections_received", "connections_received_total"),
        Counter("total_commands_processed", "commands_processed_total"),
        Counter("total_net_input_bytes", "net_input_bytes_total"),
        Counter("total_net_output_bytes", "net_output_bytes_total"),
        Counter("rejected_connections", "rejected_connections_total"),
        Counter("expired_keys", "expired_keys_total"),
        Counter("evicted_keys", "evicted_keys_total"),
        Counter("keyspace_hits", "keyspace_hits_total"),
        Counter("keyspace_misses", "keyspace_misses_total"),
        Counter("used_cpu_sys", "cpu_sys_seconds_total"),
        Counter("used_cpu_user", "cpu_user_seconds_total"),
    ];

    private static readonly string[] InstanceLabels =
        ["role", "redis_version", "redis_build_id", "redis_mode", "os", "maxmemory_policy", "tcp_port", "run_id", "process_id", "master_replid"];

    private static readonly MetricDescriptor InstanceInfo = new("redis_instance_info", "Information about the Redis instance", MetricType.Gauge, ["target", .. InstanceLabels]);
    private static readonly MetricDescriptor SlaveInfo = new("redis_slave_info", "Information about the Redis slave", MetricType.Gauge, "target", "master_host", "master_port", "read_only");
    private static readonly MetricDescriptor MasterLinkUp = new("redis_master_link_up", "master_link_up metric", MetricType.Gauge, "target");
    private static readonly MetricDescriptor DbKeys = new("redis_db_keys", "Total number of keys by DB", MetricType.Gauge, "target", "db");
    private static readonly MetricDescriptor DbKeysExpiring = new("redis_db_keys_expiring", "Total number of expiring keys by DB", MetricType.Gauge, "target", "db");
    private static readonly MetricDescriptor DbAvgTtl = new("redis_db_avg_ttl_seconds", "Avg TTL in seconds", MetricType.Gauge, "target", "db");
    private static readonly MetricDescriptor SlaveOffset = new("redis_connected_slave_offset_bytes", "Offset of connected slave", MetricType.Gauge, "target", "slave_ip", "slave_port", "slave_state");
    private static readonly MetricDescriptor SlaveLag = new("redis_connected_slave_lag_seconds", "Lag of connected slave", MetricType.Gauge, "target", "slave_ip", "slave_port", "slave_state");

    public static void Add(MetricSink sink, string target, RedisInfo info)
    {
        foreach (var (field, descriptor) in Numeric)
        {
            if (info.Fields.TryGetValue(field, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                sink.Add(descriptor, value, target);
            }
        }

        sink.Add(InstanceInfo, 1, [target, .. InstanceLabels.Select(l => info.Fields.GetValueOrDefault(l, string.Empty))]);

        if (info.Fields.GetValueOrDefault("role") == "slave")
        {
            sink.Add(SlaveInfo, 1, target, info.Fields.GetValueOrDefault("master_host", string.Empty),
                info.Fields.GetValueOrDefault("master_port", string.Empty), info.Fields.GetValueOrDefault("slave_read_only", string.Empty));
            sink.Add(MasterLinkUp, info.Fields.GetValueOrDefault("master_link_status") == "up" ? 1 : 0, target);
        }

        foreach (var db in info.Keyspace)
        {
            sink.Add(DbKeys, db.Keys, target, db.Db);
            sink.Add(DbKeysExpiring, db.Expires, target, db.Db);
            sink.Add(DbAvgTtl, db.AvgTtlMilliseconds / 1000, target, db.Db);
        }

        foreach (var replica in info.Replicas)
        {
            sink.Add(SlaveOffset, replica.Offset, target, replica.Ip, replica.Port, replica.State);
            sink.Add(SlaveLag, replica.Lag, target, replica.Ip, replica.Port, replica.State);
        }
    }

    private static (string, MetricDescriptor) Gauge(string field, string name) =>
        (field, new MetricDescriptor("redis_" + name, $"INFO field {field}", MetricType.Gauge, "target"));

    private static (string, MetricDescriptor) Counter(string field, string name) =>
        (field, new MetricDescriptor("redis_" + name, $"INFO field {field}", MetricType.Counter, "target"));
}
