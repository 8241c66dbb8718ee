using System.Globalization;
using System.Text;
using CsCheck;
using Exporter.Databases.Redis;

namespace Exporter.Databases.Tests.Redis;

/// <summary>
/// The RESP reader against generated input: any bytes at all end in a reply or in the reader's own
/// errors (<see cref="FormatException"/>, <see cref="EndOfStreamException"/>), never anything else;
/// and every well-formed reply reads back as what was written.
/// </summary>
public sealed class RespReaderPropertyTests
{
    // Bytes that look like RESP more often than uniform noise would: type markers, digits, CR, LF.
    private static readonly Gen<byte[]> Noise = Gen.OneOf(
        Gen.Byte.Array[0, 64],
        Gen.Int[0, 18].Select(i => "+-:$*0123456789\r\nab"u8[i]).Array[0, 64]);

    private static readonly Gen<string> Line = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz ABC:=,.0123456789"], 0, 20];

    private static readonly Gen<RespValue> Values = Value(3);

    [Fact]
    public void Arbitrary_bytes_give_a_reply_or_the_readers_own_error()
    {
        Noise.Sample(bytes =>
        {
            var reader = new RespReader(new MemoryStream(bytes));
            try
            {
                while (true)
                {
                    reader.ReadAsync().AsTask().GetAwaiter().GetResult();
                }
            }
            catch (Exception e) when (e is FormatException or EndOfStreamException)
            {
                // The documented errors; anything else fails the property.
            }
        });
    }

    [Fact]
    public void Well_formed_replies_read_back_as_written()
    {
        Values.Array[1, 5].Sample(values =>
        {
            var bytes = Encoding.UTF8.GetBytes(string.Concat(values.Select(Write)));
            var reader = new RespReader(new MemoryStream(bytes));
            foreach (var expected in values)
            {
                var actual = reader.ReadAsync().AsTask().GetAwaiter().GetResult();
                Write(actual).Should().Be(Write(expected));
            }
        });
    }

    private static Gen<RespValue> Value(int depth)
    {
        var scalars = Gen.OneOf(
            Line.Select(s => new RespValue(RespKind.SimpleString, s)),
            Line.Select(s => new RespValue(RespKind.Error, s)),
            Gen.Long.Select(n => new RespValue(RespKind.Number, Number: n)),
            Gen.String[Gen.Char["ab\r\n\0é€ 01"], 0, 40].Select(s => new RespValue(RespKind.BulkString, s)),
            Gen.Const(new RespValue(RespKind.BulkString)),
            Gen.Const(new RespValue(RespKind.Array)));
        return depth == 0
            ? scalars
            : Gen.Frequency((4, scalars), (1, Value(depth - 1).Array[0, 4].Select(items => new RespValue(RespKind.Array, Items: items))));
    }

    /// <summary>RESP2 as a server writes it (https://redis.io/docs/latest/develop/reference/protocol-spec/).</summary>
    private static string Write(RespValue value) => value switch
    {
        { Kind: RespKind.SimpleString } => $"+{value.Text}\r\n",
        { Kind: RespKind.Error } => $"-{value.Text}\r\n",
        { Kind: RespKind.Number } => $":{value.Number.ToString(CultureInfo.InvariantCulture)}\r\n",
        { Kind: RespKind.BulkString, Text: null } => "$-1\r\n",
        { Kind: RespKind.BulkString } => $"${Encoding.UTF8.GetByteCount(value.Text).ToString(CultureInfo.InvariantCulture)}\r\n{value.Text}\r\n",
        { Kind: RespKind.Array, Items: null } => "*-1\r\n",
        _ => $"*{value.Items!.Count.ToString(CultureInfo.InvariantCulture)}\r\n{string.Concat(value.Items.Select(Write))}",
    };
}
