using System.Buffers.Binary;
using System.Text;

namespace Exporter.RemoteWrite.Protocol;

/// <summary>
/// The few pieces of the protobuf wire format remote write needs
/// (https://protobuf.dev/programming-guides/encoding/): varints, length-delimited fields (strings and
/// sub-messages), 64-bit doubles and int64s. Every field number used is below 16, so a tag is one byte.
/// </summary>
internal static class Protobuf
{
    public const int WireVarint = 0;
    public const int WireFixed64 = 1;
    public const int WireLengthDelimited = 2;

    public static byte Tag(int field, int wireType) => (byte)((field << 3) | wireType);

    public static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    public static void WriteVarint(ByteBuffer output, ulong value)
    {
        var span = output.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        output.Advance(i);
    }

    /// <summary>Size of a length-delimited field holding <paramref name="length"/> bytes, tag included.</summary>
    public static int LengthDelimitedSize(int length) => 1 + VarintSize((ulong)length) + length;

    public static int StringFieldSize(string value) => LengthDelimitedSize(Encoding.UTF8.GetByteCount(value));

    public static void WriteLengthPrefix(ByteBuffer output, int field, int length)
    {
        output.WriteByte(Tag(field, WireLengthDelimited));
        WriteVarint(output, (ulong)length);
    }

    public static void WriteString(ByteBuffer output, int field, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteLengthPrefix(output, field, length);
        output.Advance(Encoding.UTF8.GetBytes(value, output.GetSpan(length)));
    }

    public static void WriteDouble(ByteBuffer output, int field, double value)
    {
        output.WriteByte(Tag(field, WireFixed64));
        BinaryPrimitives.WriteDoubleLittleEndian(output.GetSpan(8), value);
        output.Advance(8);
    }

    /// <summary>An int64 field: negative values take ten bytes, as protobuf's two's-complement varint.</summary>
    public static void WriteInt64(ByteBuffer output, int field, long value)
    {
        output.WriteByte(Tag(field, WireVarint));
        WriteVarint(output, unchecked((ulong)value));
    }

    public static int Int64FieldSize(long value) => 1 + VarintSize(unchecked((ulong)value));
}
