using System.Globalization;

namespace Exporter.IntegrationTests.Databases.MongoDb.StandIn;

/// <summary>
/// A BSON document: ordered name/value pairs (https://bsonspec.org/spec.html). Values are .NET
/// types: double, string, <see cref="BsonDocument"/>, <see cref="BsonArray"/>, <see cref="BsonBinary"/>,
/// <see cref="BsonObjectId"/>, bool, <see cref="DateTimeOffset"/> (UTC datetime), null, int,
/// <see cref="BsonTimestamp"/>, long. Order matters: a MongoDB command's name must be its first field.
/// </summary>
internal sealed class BsonDocument : List<KeyValuePair<string, object?>>
{
    public BsonDocument()
    {
    }

    public BsonDocument(string name, object? value) => Add(name, value);

    public void Add(string name, object? value) => Add(new KeyValuePair<string, object?>(name, value));

    /// <summary>Fluent form of <see cref="Add(string, object?)"/>, for building commands.</summary>
    public BsonDocument With(string name, object? value)
    {
        Add(name, value);
        return this;
    }

    public bool TryGetValue(string name, out object? value)
    {
        foreach (var (key, v) in this)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }

        value = null;
        return false;
    }

    public object? this[string name] => TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// A number whichever BSON numeric type the server chose: MongoDB answers the same statistic as
    /// int32, int64 or double depending on its size and version.
    /// </summary>
    public double? GetNumber(string name) => this[name] switch
    {
        double d => d,
        int i => i,
        long l => l,
        bool b => b ? 1 : 0,
        _ => null,
    };

    public string? GetString(string name) => this[name] as string;

    public BsonDocument? GetDocument(string name) => this[name] as BsonDocument;

    public BsonArray? GetArray(string name) => this[name] as BsonArray;

    /// <summary>A command reply's "ok" is 1 (as double, int or bool) on success.</summary>
    public bool IsOk => GetNumber("ok") == 1;

    public override string ToString() =>
        "{" + string.Join(", ", this.Select(p => $"{p.Key}: {Convert.ToString(p.Value, CultureInfo.InvariantCulture)}")) + "}";
}

/// <summary>A BSON array: a document whose keys are "0", "1", ...; kept here as a plain list.</summary>
internal sealed class BsonArray : List<object?>
{
    public BsonArray()
    {
    }

    public BsonArray(IEnumerable<object?> items)
        : base(items)
    {
    }
}

/// <summary>BSON binary data (type 0x05) with its subtype; SCRAM payloads use subtype 0 (generic).</summary>
internal sealed record BsonBinary(byte SubType, byte[] Data);

/// <summary>A 12-byte ObjectId (type 0x07).</summary>
internal sealed record BsonObjectId(byte[] Bytes)
{
    public override string ToString() => Convert.ToHexStringLower(Bytes);
}

/// <summary>An internal MongoDB timestamp (type 0x11): seconds since the epoch in the high 32 bits, an ordinal in the low.</summary>
internal readonly record struct BsonTimestamp(ulong Value);
