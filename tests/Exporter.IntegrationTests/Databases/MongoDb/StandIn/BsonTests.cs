using System.Text;

namespace Exporter.IntegrationTests.Databases.MongoDb.StandIn;

public class BsonTests
{
    [Fact]
    public void Encodes_the_spec_example_byte_for_byte()
    {
        // bsonspec.org's first example: {"hello": "world"}.
        var expected = "\x16\x00\x00\x00\x02hello\x00\x06\x00\x00\x00world\x00\x00"u8.ToArray();
        BsonWriter.Write(new BsonDocument("hello", "world")).Should().Equal(expected);
        BsonReader.Read(expected).GetString("hello").Should().Be("world");
    }

    [Fact]
    public void Round_trips_every_supported_type_in_order()
    {
        var document = new BsonDocument("double", 1.5)
            .With("string", "héllo ✓")
            .With("document", new BsonDocument("inner", 7))
            .With("array", new BsonArray([1, "two", new BsonDocument("three", 3L)]))
            .With("binary", new BsonBinary(4, [1, 2, 3]))
            .With("objectId", new BsonObjectId([.. Enumerable.Range(1, 12).Select(i => (byte)i)]))
            .With("true", true)
            .With("false", false)
            .With("date", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123))
            .With("null", null)
            .With("int32", int.MinValue)
            .With("timestamp", new BsonTimestamp(0x0000_0001_0000_0002))
            .With("int64", long.MaxValue);

        var decoded = BsonReader.Read(BsonWriter.Write(document));

        decoded.Select(p => p.Key).Should().Equal(document.Select(p => p.Key));
        decoded.GetNumber("double").Should().Be(1.5);
        decoded.GetString("string").Should().Be("héllo ✓");
        decoded.GetDocument("document")!.GetNumber("inner").Should().Be(7);
        var array = decoded.GetArray("array")!;
        array[0].Should().Be(1);
        array[1].Should().Be("two");
        ((BsonDocument)array[2]!)["three"].Should().Be(3L);
        decoded["binary"].Should().BeOfType<BsonBinary>().Which.Data.Should().Equal(1, 2, 3);
        ((BsonBinary)decoded["binary"]!).SubType.Should().Be(4);
        decoded["objectId"]!.ToString().Should().Be("0102030405060708090a0b0c");
        decoded["true"].Should().Be(true);
        decoded["false"].Should().Be(false);
        decoded["date"].Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123));
        decoded.TryGetValue("null", out var nothing).Should().BeTrue();
        nothing.Should().BeNull();
        decoded["int32"].Should().Be(int.MinValue);
        decoded["timestamp"].Should().Be(new BsonTimestamp(0x0000_0001_0000_0002));
        decoded["int64"].Should().Be(long.MaxValue);
    }

    [Fact]
    public void Skips_types_it_does_not_represent_and_keeps_reading()
    {
        var body = new List<byte>();
        body.AddRange(Element(0x0B, "regex", [.. "^a\0"u8, .. "i\0"u8]));
        body.AddRange(Element(0x13, "decimal", new byte[16]));
        body.AddRange(Element(0xFF, "min", []));
        body.AddRange(Element(0x7F, "max", []));
        body.AddRange(Element(0x06, "undefined", []));
        body.AddRange(Element(0x0D, "code", String("x=1")));
        body.AddRange(Element(0x0E, "symbol", String("sym")));
        body.AddRange(Element(0x0C, "dbpointer", [.. String("ns"), .. new byte[12]]));
        var scope = BsonWriter.Write(new BsonDocument("a", 1));
        var codeWithScope = new List<byte>(String("f()"));
        codeWithScope.AddRange(scope);
        body.AddRange(Element(0x0F, "codews", [.. Int32(codeWithScope.Count + 4), .. codeWithScope]));
        body.AddRange(Element(0x10, "after", Int32(42)));

        var decoded = BsonReader.Read(Document(body));

        decoded.Select(p => p.Key).Should().Equal("after");
        decoded.GetNumber("after").Should().Be(42);
    }

    [Theory]
    [InlineData("truncated header", new byte[] { 5, 0, 0 })]
    [InlineData("length beyond the data", new byte[] { 50, 0, 0, 0, 0 })]
    [InlineData("length below the minimum", new byte[] { 4, 0, 0, 0, 0 })]
    [InlineData("negative length", new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0 })]
    [InlineData("no terminator", new byte[] { 5, 0, 0, 0, 1 })]
    [InlineData("unknown type", new byte[] { 8, 0, 0, 0, 0x14, 0x61, 0, 0 })]
    [InlineData("zero type inside", new byte[] { 8, 0, 0, 0, 0x00, 0x61, 0, 0 })]
    [InlineData("name without terminator", new byte[] { 8, 0, 0, 0, 0x0A, 0x61, 0x62, 0 })]
    [InlineData("int32 cut short", new byte[] { 9, 0, 0, 0, 0x10, 0x61, 0, 1, 0 })]
    [InlineData("bool neither 0 nor 1", new byte[] { 9, 0, 0, 0, 0x08, 0x61, 0, 2, 0 })]
    [InlineData("string length zero", new byte[] { 13, 0, 0, 0, 0x02, 0x61, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData("string length past the document", new byte[] { 13, 0, 0, 0, 0x02, 0x61, 0, 0x7F, 0, 0, 0, 0, 0 })]
    [InlineData("string without its zero", new byte[] { 13, 0, 0, 0, 0x02, 0x61, 0, 1, 0, 0, 0, 0x62, 0 })]
    [InlineData("invalid UTF-8", new byte[] { 14, 0, 0, 0, 0x02, 0x61, 0, 2, 0, 0, 0, 0xC3, 0, 0 })]
    [InlineData("binary length negative", new byte[] { 14, 0, 0, 0, 0x05, 0x61, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0 })]
    [InlineData("bytes after the document", new byte[] { 5, 0, 0, 0, 0, 0 })]
    public void Rejects_malformed_input_with_a_format_error(string what, byte[] data)
    {
        var act = () => BsonReader.Read(data);
        act.Should().Throw<FormatException>(what).WithMessage("bson: *");
    }

    [Fact]
    public void Rejects_an_inner_document_longer_than_its_parent()
    {
        var inner = BsonWriter.Write(new BsonDocument("a", 1));
        var body = Element(0x03, "d", inner).ToList();
        var data = Document(body);
        data[4 + 1 + 2] = 100; // the inner length now claims more than the outer document holds

        var act = () => BsonReader.Read(data);
        act.Should().Throw<FormatException>();
    }

    [Fact]
    public void Rejects_hostile_nesting()
    {
        var document = new BsonDocument("leaf", 1);
        for (var i = 0; i < 150; i++)
        {
            document = new BsonDocument("d", document);
        }

        var act = () => BsonReader.Read(BsonWriter.Write(document));
        act.Should().Throw<FormatException>().WithMessage("*nested*");
    }

    [Fact]
    public void Numbers_read_alike_whatever_their_bson_type()
    {
        var decoded = BsonReader.Read(BsonWriter.Write(new BsonDocument("a", 3).With("b", 3L).With("c", 3.0).With("s", "3")));
        decoded.GetNumber("a").Should().Be(3);
        decoded.GetNumber("b").Should().Be(3);
        decoded.GetNumber("c").Should().Be(3);
        decoded.GetNumber("s").Should().BeNull();
        decoded.GetNumber("missing").Should().BeNull();
    }

    private static byte[] Int32(int value) => BitConverter.GetBytes(value);

    private static byte[] String(string text) => [.. Int32(Encoding.UTF8.GetByteCount(text) + 1), .. Encoding.UTF8.GetBytes(text), 0];

    private static byte[] Element(byte type, string name, byte[] value) => [type, .. Encoding.UTF8.GetBytes(name), 0, .. value];

    private static byte[] Document(List<byte> body) => [.. Int32(body.Count + 5), .. body, 0];
}
