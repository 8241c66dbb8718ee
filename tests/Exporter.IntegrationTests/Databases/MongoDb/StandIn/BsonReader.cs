using System.Buffers.Binary;
using System.Text;

namespace Exporter.IntegrationTests.Databases.MongoDb.StandIn;

/// <summary>
/// Decodes BSON (https://bsonspec.org/spec.html) into <see cref="BsonDocument"/>. Every length is
/// checked against the bytes that are really there, so a truncated or hostile reply is a
/// <see cref="FormatException"/>, never an out-of-range read or a huge allocation. Element types the
/// exporter has no use for but the spec defines (regex, JavaScript, decimal128, min/max key...) are
/// skipped by their known size and left out of the document; a type byte the spec does not define
/// cannot be skipped (its size is unknown), so it is an error.
/// </summary>
internal static class BsonReader
{
    /// <summary>Deeper than any server reply; stops a hostile document from exhausting the stack.</summary>
    private const int MaxDepth = 100;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads one document that must fill <paramref name="data"/> exactly.</summary>
    public static BsonDocument Read(ReadOnlySpan<byte> data)
    {
        var position = 0;
        var document = ReadDocument(data, ref position, 0);
        if (position != data.Length)
        {
            throw new FormatException($"bson: {data.Length - position} bytes after the document");
        }

        return document;
    }

    /// <summary>Reads one document at <paramref name="position"/> and moves past it.</summary>
    public static BsonDocument ReadDocument(ReadOnlySpan<byte> data, ref int position, int depth)
    {
        var body = DocumentBody(data, ref position, depth);
        var document = new BsonDocument();
        var p = 0;
        while (p < body.Length)
        {
            var type = body[p++];
            var name = ReadCString(body, ref p);
            if (TryReadValue(body, ref p, type, depth, out var value))
            {
                document.Add(name, value);
            }
        }

        return document;
    }

    private static BsonArray ReadArray(ReadOnlySpan<byte> data, ref int position, int depth)
    {
        var body = DocumentBody(data, ref position, depth);
        var array = new BsonArray();
        var p = 0;
        while (p < body.Length)
        {
            var type = body[p++];
            _ = ReadCString(body, ref p); // the keys are "0", "1"...; their order is the array's
            if (TryReadValue(body, ref p, type, depth, out var value))
            {
                array.Add(value);
            }
        }

        return array;
    }

    // document ::= int32 e_list "\x00"; the int32 counts itself and the terminator. Returns the
    // e_list alone, so reading elements can never run past the document; a zero type byte inside
    // it is an unknown type, an error.
    private static ReadOnlySpan<byte> DocumentBody(ReadOnlySpan<byte> data, ref int position, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException($"bson: documents nested deeper than {MaxDepth}");
        }

        var length = ReadInt32(data, ref position);
        if (length < 5 || length - 4 > data.Length - position)
        {
            throw new FormatException($"bson: document length {length} does not fit the {data.Length - position + 4} bytes left");
        }

        var body = data.Slice(position, length - 5);
        if (data[position + length - 5] != 0)
        {
            throw new FormatException("bson: document does not end with a zero byte");
        }

        position += length - 4;
        return body;
    }

    private static bool TryReadValue(ReadOnlySpan<byte> data, ref int p, byte type, int depth, out object? value)
    {
        value = null;
        switch (type)
        {
            case 0x01: value = BitConverter.Int64BitsToDouble(ReadInt64(data, ref p)); return true;
            case 0x02: value = ReadString(data, ref p); return true;
            case 0x03: value = ReadDocument(data, ref p, depth + 1); return true;
            case 0x04: value = ReadArray(data, ref p, depth + 1); return true;
            case 0x05:
                var length = ReadInt32(data, ref p);
                var subType = Take(data, ref p, 1)[0];
                value = new BsonBinary(subType, Take(data, ref p, length).ToArray());
                return true;
            case 0x07: value = new BsonObjectId(Take(data, ref p, 12).ToArray()); return true;
            case 0x08:
                value = Take(data, ref p, 1)[0] switch
                {
                    0 => false,
                    1 => true,
                    var b => throw new FormatException($"bson: boolean byte {b}"),
                };
                return true;
            case 0x09: value = DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(ReadInt64(data, ref p), -62135596800000, 253402300799999)); return true;
            case 0x0A: return true;
            case 0x10: value = ReadInt32(data, ref p); return true;
            case 0x11: value = new BsonTimestamp((ulong)ReadInt64(data, ref p)); return true;
            case 0x12: value = ReadInt64(data, ref p); return true;

            // Defined by the spec, of no use to the exporter: skipped by their size.
            case 0x06 or 0x7F or 0xFF: return false; // undefined, max key, min key: no value bytes
            case 0x0B: ReadCString(data, ref p); ReadCString(data, ref p); return false; // regex
            case 0x0C: ReadString(data, ref p); Take(data, ref p, 12); return false; // DBPointer
            case 0x0D or 0x0E: ReadString(data, ref p); return false; // JavaScript code, symbol
            case 0x0F: // code with scope: int32 total length, string, document
                var start = p;
                var total = ReadInt32(data, ref p);
                ReadString(data, ref p);
                ReadDocument(data, ref p, depth + 1);
                if (p - start != total)
                {
                    throw new FormatException("bson: code-with-scope length does not match its contents");
                }

                return false;
            case 0x13: Take(data, ref p, 16); return false; // decimal128
            default: throw new FormatException($"bson: unknown element type 0x{type:x2}");
        }
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, ref int p, int count)
    {
        if (count < 0 || count > data.Length - p)
        {
            throw new FormatException($"bson: {count} bytes wanted, {data.Length - p} left");
        }

        var slice = data.Slice(p, count);
        p += count;
        return slice;
    }

    private static int ReadInt32(ReadOnlySpan<byte> data, ref int p) => BinaryPrimitives.ReadInt32LittleEndian(Take(data, ref p, 4));

    private static long ReadInt64(ReadOnlySpan<byte> data, ref int p) => BinaryPrimitives.ReadInt64LittleEndian(Take(data, ref p, 8));

    // string ::= int32 (byte*) "\x00"; the int32 counts the terminator.
    private static string ReadString(ReadOnlySpan<byte> data, ref int p)
    {
        var length = ReadInt32(data, ref p);
        if (length < 1)
        {
            throw new FormatException($"bson: string length {length}");
        }

        var bytes = Take(data, ref p, length);
        if (bytes[^1] != 0)
        {
            throw new FormatException("bson: string does not end with a zero byte");
        }

        return Decode(bytes[..^1]);
    }

    private static string ReadCString(ReadOnlySpan<byte> data, ref int p)
    {
        var end = data[p..].IndexOf((byte)0);
        if (end < 0)
        {
            throw new FormatException("bson: name without its zero byte");
        }

        var text = Decode(data.Slice(p, end));
        p += end + 1;
        return text;
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException("bson: string is not valid UTF-8");
        }
    }
}
