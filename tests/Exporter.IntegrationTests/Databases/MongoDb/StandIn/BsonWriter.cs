using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Exporter.IntegrationTests.Databases.MongoDb.StandIn;

/// <summary>Encodes a <see cref="BsonDocument"/> as BSON (https://bsonspec.org/spec.html).</summary>
internal static class BsonWriter
{
    public static byte[] Write(BsonDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        WriteDocument(buffer, document.Select(p => (p.Key, p.Value)));
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Appends one document to <paramref name="buffer"/> (used by the OP_MSG framing).</summary>
    public static void Write(ArrayBufferWriter<byte> buffer, BsonDocument document) =>
        WriteDocument(buffer, document.Select(p => (p.Key, p.Value)));

    // The length prefix is not known until the elements are written: encode them into a scratch
    // buffer first. Commands are small, so the copy costs nothing that matters.
    private static void WriteDocument(ArrayBufferWriter<byte> output, IEnumerable<(string Name, object? Value)> elements)
    {
        var body = new ArrayBufferWriter<byte>(128);
        foreach (var (name, value) in elements)
        {
            WriteElement(body, name, value);
        }

        WriteInt32(output, 4 + body.WrittenCount + 1);
        output.Write(body.WrittenSpan);
        WriteByte(output, 0);
    }

    private static void WriteElement(ArrayBufferWriter<byte> body, string name, object? value)
    {
        switch (value)
        {
            case double d: Header(body, 0x01, name); WriteInt64(body, BitConverter.DoubleToInt64Bits(d)); break;
            case string s:
                Header(body, 0x02, name);
                var bytes = Encoding.UTF8.GetBytes(s);
                WriteInt32(body, bytes.Length + 1);
                body.Write(bytes);
                WriteByte(body, 0);
                break;
            case BsonDocument document: Header(body, 0x03, name); WriteDocument(body, document.Select(p => (p.Key, p.Value))); break;
            case BsonArray array:
                Header(body, 0x04, name);
                WriteDocument(body, array.Select((item, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), item)));
                break;
            case BsonBinary binary:
                Header(body, 0x05, name);
                WriteInt32(body, binary.Data.Length);
                WriteByte(body, binary.SubType);
                body.Write(binary.Data);
                break;
            case BsonObjectId id when id.Bytes.Length == 12: Header(body, 0x07, name); body.Write(id.Bytes); break;
            case bool b: Header(body, 0x08, name); WriteByte(body, b ? (byte)1 : (byte)0); break;
            case DateTimeOffset time: Header(body, 0x09, name); WriteInt64(body, time.ToUnixTimeMilliseconds()); break;
            case null: Header(body, 0x0A, name); break;
            case int i: Header(body, 0x10, name); WriteInt32(body, i); break;
            case BsonTimestamp ts: Header(body, 0x11, name); WriteInt64(body, (long)ts.Value); break;
            case long l: Header(body, 0x12, name); WriteInt64(body, l); break;
            default: throw new ArgumentException($"bson: cannot encode {value.GetType().Name} ('{name}')", nameof(value));
        }
    }

    private static void Header(ArrayBufferWriter<byte> body, byte type, string name)
    {
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("bson: a field name cannot contain a zero byte", nameof(name));
        }

        WriteByte(body, type);
        body.Write(Encoding.UTF8.GetBytes(name));
        WriteByte(body, 0);
    }

    private static void WriteByte(ArrayBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    private static void WriteInt32(ArrayBufferWriter<byte> output, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), value);
        output.Advance(4);
    }

    private static void WriteInt64(ArrayBufferWriter<byte> output, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(output.GetSpan(8), value);
        output.Advance(8);
    }
}
