namespace Exporter.Host.Status;

/// <summary>
/// One database target (pg_up, redis_up, mongodb_up) with the figures of its kind; the others are
/// null. PostgreSQL: connections (pg_stat_activity_count) against max_connections and each
/// database's size. Redis: memory used against maxmemory (null: no limit), keys, clients. MongoDB:
/// current connections, collections and storage over all databases, and each database's storage.
/// </summary>
/// <param name="Kind">postgres, redis or mongodb.</param>
internal sealed record DatabaseStatus(
    string Kind,
    string Target,
    bool Up,
    double? Connections,
    double? MaxConnections,
    double? MemoryUsedBytes,
    double? MemoryMaxBytes,
    double? Keys,
    double? Collections,
    double? StorageBytes,
    IReadOnlyList<DatabaseSize> Databases);

internal sealed record DatabaseSize(string Name, double SizeBytes);
