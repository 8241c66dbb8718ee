namespace Exporter.Databases.MongoDb;

/// <summary>What one scrape of a MongoDB server found.</summary>
internal sealed record MongoServerStats(string? Version, IReadOnlyList<MongoDatabaseStats> Databases, IReadOnlyList<(string Type, double Value)> Connections)
{
    /// <summary>
    /// Reads the figures from a connection: listDatabases, then dbStats in each database, then
    /// serverStatus (https://www.mongodb.com/docs/manual/reference/command/).
    /// </summary>
    public static async Task<MongoServerStats> ReadAsync(MongoConnection connection, CancellationToken cancellationToken)
    {
        var list = await connection.RunCommandAsync(new BsonDocument("listDatabases", 1).With("nameOnly", true), "admin", cancellationToken).ConfigureAwait(false);
        var databases = new List<MongoDatabaseStats>();
        foreach (var entry in list.GetArray("databases") ?? throw new MongoException("listDatabases reply lacks 'databases'"))
        {
            if (entry is BsonDocument { } db && db.GetString("name") is { Length: > 0 } name)
            {
                var stats = await connection.RunCommandAsync(new BsonDocument("dbStats", 1).With("scale", 1), name, cancellationToken).ConfigureAwait(false);
                databases.Add(MongoDatabaseStats.FromReply(name, stats));
            }
        }

        var status = await connection.RunCommandAsync(new BsonDocument("serverStatus", 1), "admin", cancellationToken).ConfigureAwait(false);
        return FromServerStatus(status, databases);
    }

    // serverStatus.connections holds current, available, totalCreated and, on newer servers, more
    // counters (active, threaded, rejected...); mongodb_exporter turns each numeric field into a conn_type.
    internal static MongoServerStats FromServerStatus(BsonDocument status, IReadOnlyList<MongoDatabaseStats> databases)
    {
        var connections = new List<(string, double)>();
        if (status.GetDocument("connections") is { } section)
        {
            foreach (var (field, _) in section)
            {
                if (section.GetNumber(field) is { } value)
                {
                    connections.Add((field, value));
                }
            }
        }

        return new MongoServerStats(status.GetString("version"), databases, connections);
    }
}

/// <summary>The dbStats figures mongodb_exporter exports for one database (scale 1, so sizes are bytes).</summary>
internal sealed record MongoDatabaseStats(string Name, double? Collections, double? Objects, double? DataSize, double? StorageSize, double? IndexSize)
{
    public static MongoDatabaseStats FromReply(string name, BsonDocument reply) => new(
        name,
        reply.GetNumber("collections"),
        reply.GetNumber("objects"),
        reply.GetNumber("dataSize"),
        reply.GetNumber("storageSize"),
        reply.GetNumber("indexSize"));
}
