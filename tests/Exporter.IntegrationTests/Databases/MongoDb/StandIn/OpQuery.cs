using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Exporter.IntegrationTests.Databases.MongoDb.StandIn;

/// <summary>
/// The legacy OP_QUERY / OP_REPLY pair (https://www.mongodb.com/docs/manual/legacy-opcodes/), which
/// drivers still use for the first hello of a connection, before they know the server speaks OP_MSG.
/// Only that use is served: a command on <c>DB.$cmd</c>; its body is returned with <c>$db</c> set.
/// </summary>
internal static class OpQueryCodec
{
    public const int OpCodeQuery = 2004;
    public const int OpCodeReply = 1;

    private const int HeaderLength = 16;

    /// <summary>Parses an OP_QUERY (header included): int32 flags, cstring fullCollectionName, int32 skip, int32 return, document.</summary>
    public static OpMsg Parse(ReadOnlySpan<byte> message)
    {
        var requestId = BinaryPrimitives.ReadInt32LittleEndian(message[4..]);
        var p = HeaderLength + 4;
        var end = message[p..].IndexOf((byte)0);
        if (end < 0)
        {
            throw new FormatException("op_query: collection name not terminated");
        }

        var collection = Encoding.UTF8.GetString(message.Slice(p, end));
        if (!collection.EndsWith(".$cmd", StringComparison.Ordinal))
        {
            throw new FormatException($"op_query: only commands are served, not a query on {collection}");
        }

        p += end + 1 + 8;
        var query = BsonReader.ReadDocument(message, ref p, 0);
        query.Add("$db", collection[..^".$cmd".Length]);
        return new OpMsg(requestId, 0, query, Legacy: true);
    }

    /// <summary>An OP_REPLY with one document: int32 responseFlags, int64 cursorID, int32 startingFrom, int32 numberReturned.</summary>
    public static byte[] EncodeReply(int requestId, int responseTo, BsonDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var header = buffer.GetSpan(HeaderLength + 20);
        header[..(HeaderLength + 20)].Clear();
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], requestId);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], responseTo);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], OpCodeReply);
        BinaryPrimitives.WriteInt32LittleEndian(header[(HeaderLength + 16)..], 1); // numberReturned
        buffer.Advance(HeaderLength + 20);
        BsonWriter.Write(buffer, document);

        var message = buffer.WrittenSpan.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(message, message.Length);
        return message;
    }
}
