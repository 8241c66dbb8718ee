namespace Exporter.Databases.Redis;

/// <summary>The RESP2 reply types (https://redis.io/docs/latest/develop/reference/protocol-spec/).</summary>
internal enum RespKind
{
    SimpleString,
    Error,
    /// <summary>RESP's integer reply (':').</summary>
    Number,
    BulkString,
    Array,
}

/// <summary>
/// One reply. <see cref="Text"/> holds a simple string, an error or a bulk string (null for the null
/// bulk string); <see cref="Items"/> an array (null for the null array).
/// </summary>
internal sealed record RespValue(RespKind Kind, string? Text = null, long Number = 0, IReadOnlyList<RespValue>? Items = null)
{
    public bool IsError => Kind == RespKind.Error;
}
