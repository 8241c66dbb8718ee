using Exporter.Core.Exposition;

namespace Exporter.Databases.MongoDb;

/// <summary>What one server's <see cref="MongoServerStats"/> become, with mongodb_exporter's names plus a <c>target</c> label.</summary>
internal static class MongoMetrics
{
    private static readonly MetricDescriptor Version = new("mongodb_version_info", "The server version.", MetricType.Gauge, "target", "mongodb");
    private static readonly MetricDescriptor Connections = new("mongodb_ss_connections", "serverStatus.connections: current, available and the other connection counters.", MetricType.Untyped, "target", "conn_type");
    private static readonly MetricDescriptor Collections = DbStats("collections", "Number of collections.");
    private static readonly MetricDescriptor Objects = DbStats("objects", "Number of documents.");
    private static readonly MetricDescriptor DataSize = DbStats("dataSize", "Uncompressed size of the documents, in bytes.");
    private static readonly MetricDescriptor StorageSize = DbStats("storageSize", "Space allocated to collections, in bytes.");
    private static readonly MetricDescriptor IndexSize = DbStats("indexSize", "Space allocated to indexes, in bytes.");

    public static void Add(MetricSink sink, string target, MongoServerStats stats)
    {
        if (stats.Version is not null)
        {
            sink.Add(Version, 1, target, stats.Version);
        }

        foreach (var (type, value) in stats.Connections)
        {
            sink.Add(Connections, value, target, type);
        }

        foreach (var db in stats.Databases)
        {
            Add(sink, Collections, db.Collections, target, db.Name);
            Add(sink, Objects, db.Objects, target, db.Name);
            Add(sink, DataSize, db.DataSize, target, db.Name);
            Add(sink, StorageSize, db.StorageSize, target, db.Name);
            Add(sink, IndexSize, db.IndexSize, target, db.Name);
        }
    }

    private static void Add(MetricSink sink, MetricDescriptor descriptor, double? value, string target, string database)
    {
        if (value is { } v)
        {
            sink.Add(descriptor, v, target, database);
        }
    }

    private static MetricDescriptor DbStats(string field, string help) =>
        new($"mongodb_dbstats_{field}", $"dbStats {field}: {help}", MetricType.Gauge, "target", "database");
}
