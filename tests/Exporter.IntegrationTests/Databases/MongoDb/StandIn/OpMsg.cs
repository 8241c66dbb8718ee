using System.Buffers;
using System.Buffers.Binary;

namespace Exporter.IntegrationTests.Databases.MongoDb.StandIn;

/// <summary>
/// One OP_MSG message: who it answers, and its body (the kind 0 section). <paramref name="Legacy"/>:
/// it came as an OP_QUERY command (a driver's first hello) and is answered with an OP_REPLY.
/// </summary>
internal sealed record OpMsg(int RequestId, int ResponseTo, BsonDocument Body, bool Legacy = false);

/// <summary>
/// OP_MSG framing, MongoDB's wire protocol since 3.6
/// (https://www.mongodb.com/docs/manual/reference/mongodb-wire-protocol/#op_msg):
/// <c>MsgHeader{int32 messageLength, int32 requestID, int32 responseTo, int32 opCode=2013}</c>,
/// <c>uint32 flagBits</c>, sections (kind 0: one BSON document, the body; kind 1: a sized document
/// sequence), and a CRC-32C checksum when flag bit 0 is set. All integers are little-endian.
/// </summary>
internal static class OpMsgCodec
{
    public const int OpCodeMsg = 2013;

    /// <summary>The server's default maxMessageSizeBytes; a longer frame is refused before it is read.</summary>
    public const int MaxMessageLength = 48_000_000;

    private const int HeaderLength = 16;
    private const uint ChecksumPresent = 1;

    // Bits 0-15 are "required": a receiver must reject a message with one it does not know.
    // Bit 0 (checksum) is understood; bit 1 (moreToCome) only comes with exhaust cursors, never used here.
    private const uint RequiredBits = 0xFFFF;

    public static byte[] Encode(int requestId, int responseTo, BsonDocument body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var header = buffer.GetSpan(HeaderLength + 5);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], requestId);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], responseTo);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], OpCodeMsg);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 0); // flagBits
        header[20] = 0; // section kind 0
        buffer.Advance(HeaderLength + 5);
        BsonWriter.Write(buffer, body);

        var message = buffer.WrittenSpan.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(message, message.Length);
        return message;
    }

    /// <summary>Reads one whole message from the stream; the caller's token bounds the wait.</summary>
    public static async Task<OpMsg> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderLength];
        await stream.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
        var length = CheckLength(BinaryPrimitives.ReadInt32LittleEndian(header));

        var message = new byte[length];
        header.CopyTo(message, 0);
        await stream.ReadExactlyAsync(message.AsMemory(HeaderLength), cancellationToken).ConfigureAwait(false);
        return Parse(message);
    }

    /// <summary>Parses one complete message (header included).</summary>
    public static OpMsg Parse(ReadOnlySpan<byte> message)
    {
        if (message.Length < HeaderLength || CheckLength(BinaryPrimitives.ReadInt32LittleEndian(message)) != message.Length)
        {
            throw new FormatException($"op_msg: message length does not match the {message.Length} bytes received");
        }

        var requestId = BinaryPrimitives.ReadInt32LittleEndian(message[4..]);
        var responseTo = BinaryPrimitives.ReadInt32LittleEndian(message[8..]);
        var opCode = BinaryPrimitives.ReadInt32LittleEndian(message[12..]);
        if (opCode == OpQueryCodec.OpCodeQuery)
        {
            return OpQueryCodec.Parse(message);
        }

        if (opCode != OpCodeMsg)
        {
            throw new FormatException($"op_msg: opCode {opCode}, expected {OpCodeMsg} (OP_MSG)");
        }

        var flags = BinaryPrimitives.ReadUInt32LittleEndian(message[16..]);
        if ((flags & RequiredBits & ~ChecksumPresent) != 0)
        {
            throw new FormatException($"op_msg: unsupported required flag bits 0x{flags & RequiredBits:x}");
        }

        // The checksum guards against corruption on the way; TCP (and TLS) already do, so it is skipped, not verified.
        var sections = message[20..];
        if ((flags & ChecksumPresent) != 0)
        {
            if (sections.Length < 4)
            {
                throw new FormatException("op_msg: checksum flag set but no room for it");
            }

            sections = sections[..^4];
        }

        BsonDocument? body = null;
        var p = 0;
        while (p < sections.Length)
        {
            var kind = sections[p++];
            if (kind == 0)
            {
                if (body is not null)
                {
                    throw new FormatException("op_msg: more than one body section");
                }

                body = BsonReader.ReadDocument(sections, ref p, 0);
            }
            else if (kind == 1)
            {
                // Document sequence: int32 size (counting itself), identifier, documents. Not used by
                // the commands sent here; skipped whole after checking its size.
                var size = sections.Length - p >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(sections[p..]) : -1;
                if (size < 4 || size > sections.Length - p)
                {
                    throw new FormatException($"op_msg: document sequence size {size} does not fit");
                }

                p += size;
            }
            else
            {
                throw new FormatException($"op_msg: unknown section kind {kind}");
            }
        }

        return new OpMsg(requestId, responseTo, body ?? throw new FormatException("op_msg: no body section"));
    }

    private static int CheckLength(int length) =>
        length is < HeaderLength + 4 + 1 + 5 or > MaxMessageLength
            ? throw new FormatException($"op_msg: message length {length} outside {HeaderLength + 10}..{MaxMessageLength}")
            : length;
}
