using static Exporter.Host.Status.StatusMetrics;

namespace Exporter.Host.Status;

/// <summary>The databases section: each target's up gauge and the figures of its kind, all by the target label.</summary>
internal static class DatabaseStatusBuilder
{
    public static List<DatabaseStatus> Build(StatusReading now)
    {
        var list = new List<DatabaseStatus>();
        foreach (var row in now.Rows(PgUp))
        {
            var target = row.Label("target");
            var sizes = Sizes(now, PgDatabaseSize, target, "datname");
            list.Add(new DatabaseStatus("postgres", target, row.Value == 1,
                Connections: Sum(now, PgActivity, target),
                MaxConnections: Sum(now, PgMaxConnections, target),
                MemoryUsedBytes: null,
                MemoryMaxBytes: null,
                Keys: null,
                Collections: null,
                StorageBytes: sizes.Count > 0 ? sizes.Sum(s => s.SizeBytes) : null,
                Databases: sizes));
        }

        foreach (var row in now.Rows(RedisUp))
        {
            var target = row.Label("target");
            var max = Sum(now, RedisMemoryMax, target);
            list.Add(new DatabaseStatus("redis", target, row.Value == 1,
                Connections: Sum(now, RedisClients, target),
                MaxConnections: Sum(now, RedisMaxClients, target),
                MemoryUsedBytes: Sum(now, RedisMemoryUsed, target),
                MemoryMaxBytes: max is > 0 ? max : null, // maxmemory 0: no limit
                Keys: Sum(now, RedisKeys, target) ?? (row.Value == 1 ? 0 : null), // no keyspace line: an empty server
                Collections: null,
                StorageBytes: null,
                Databases: []));
        }

        foreach (var row in now.Rows(MongoUp))
        {
            var target = row.Label("target");
            var connections = now.Rows(MongoConnections).Where(r => r.Label("target") == target)
                .ToDictionary(r => r.Label("conn_type"), r => r.Value, StringComparer.Ordinal);
            var sizes = Sizes(now, MongoStorage, target, "database");
            list.Add(new DatabaseStatus("mongodb", target, row.Value == 1,
                Connections: connections.TryGetValue("current", out var current) ? current : null,
                MaxConnections: connections.TryGetValue("available", out var available) ? current + available : null,
                MemoryUsedBytes: null,
                MemoryMaxBytes: null,
                Keys: null,
                Collections: Sum(now, MongoCollections, target),
                StorageBytes: sizes.Count > 0 ? sizes.Sum(s => s.SizeBytes) : null,
                Databases: sizes));
        }

        return [.. list.OrderBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Target, StringComparer.Ordinal)];
    }

    /// <summary>The sum of a family's series for one target, null when it has none.</summary>
    private static double? Sum(StatusReading reading, string name, string target)
    {
        double? sum = null;
        foreach (var row in reading.Rows(name).Where(r => r.Label("target") == target))
        {
            sum = (sum ?? 0) + row.Value;
        }

        return sum;
    }

    private static List<DatabaseSize> Sizes(StatusReading reading, string name, string target, string label) =>
        [.. reading.Rows(name).Where(r => r.Label("target") == target)
            .Select(r => new DatabaseSize(r.Label(label), r.Value))
            .OrderBy(d => d.Name, StringComparer.Ordinal)];
}
