using MongoDB.Bson;
using MongoDB.Driver;

namespace Exporter.Databases.MongoDb;

/// <summary>What one scrape of a MongoDB server found.</summary>
internal sealed record MongoServerStats(string? Version, IReadOnlyList<MongoDatabaseStats> Databases, IReadOnlyList<(string Type, double Value)> Connections)
{
    /// <summary>
    /// Reads the figures: listDatabases, then dbStats in each database, then serverStatus
    /// (https://www.mongodb.com/docs/manual/reference/command/). A reply with ok 0 throws.
    /// </summary>
    public static async Task<MongoServerStats> ReadAsync(IMongoClient client, CancellationToken cancellationToken)
    {
        var admin = client.GetDatabase("admin");
        var list = await admin.RunCommandAsync<BsonDocument>(new BsonDocument { { "listDatabases", 1 }, { "nameOnly", true } }, cancellationToken: cancellationToken).ConfigureAwait(false);
        var databases = new List<MongoDatabaseStats>();
        if (!list.TryGetValue("databases", out var entries) || !entries.IsBsonArray)
        {
            throw new InvalidDataException("listDatabases reply lacks 'databases'");
        }

        foreach (var entry in entries.AsBsonArray)
        {
            if (entry is BsonDocument db && db.TryGetValue("name", out var name) && name is BsonString { Value.Length: > 0 })
            {
                var stats = await client.GetDatabase(name.AsString).RunCommandAsync<BsonDocument>(
                    new BsonDocument { { "dbStats", 1 }, { "scale", 1 } }, cancellationToken: cancellationToken).ConfigureAwait(false);
                databases.Add(MongoDatabaseStats.FromReply(name.AsString, stats));
            }
        }

        var status = await admin.RunCommandAsync<BsonDocument>(new BsonDocument("serverStatus", 1), cancellationToken: cancellationToken).ConfigureAwait(false);
        return FromServerStatus(status, databases);
    }

    // serverStatus.connections holds current, available, totalCreated and, on newer servers, more
    // counters (active, threaded, rejected...); mongodb_exporter turns each numeric field into a conn_type.
    internal static MongoServerStats FromServerStatus(BsonDocument status, IReadOnlyList<MongoDatabaseStats> databases)
    {
        var connections = new List<(string, double)>();
        if (status.TryGetValue("connections", out var section) && section is BsonDocument fields)
        {
            foreach (var field in fields)
            {
                if (Number(field.Value) is { } value)
                {
                    connections.Add((field.Name, value));
                }
            }
        }

        var version = status.TryGetValue("version", out var v) && v is BsonString text ? text.Value : null;
        return new MongoServerStats(version, databases, connections);
    }

    /// <summary>A number of any BSON numeric type (servers answer int32, int64 or double for the same field), else null.</summary>
    internal static double? Number(BsonValue? value) => value switch
    {
        BsonInt32 i => i.Value,
        BsonInt64 l => l.Value,
        BsonDouble d => d.Value,
        BsonDecimal128 m => (double)m.Value,
        _ => null,
    };
}

/// <summary>The dbStats figures mongodb_exporter exports for one database (scale 1, so sizes are bytes).</summary>
internal sealed record MongoDatabaseStats(string Name, double? Collections, double? Objects, double? DataSize, double? StorageSize, double? IndexSize)
{
    public static MongoDatabaseStats FromReply(string name, BsonDocument reply) => new(
        name,
        Get(reply, "collections"),
        Get(reply, "objects"),
        Get(reply, "dataSize"),
        Get(reply, "storageSize"),
        Get(reply, "indexSize"));

    private static double? Get(BsonDocument reply, string field) =>
        reply.TryGetValue(field, out var value) ? MongoServerStats.Number(value) : null;
}
