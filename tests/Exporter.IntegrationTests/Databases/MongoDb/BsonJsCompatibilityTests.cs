using Exporter.IntegrationTests.Databases.MongoDb.StandIn;

namespace Exporter.IntegrationTests.Databases.MongoDb;

/// <summary>Our BSON codec against MongoDB's own js-bson 6, in both directions.</summary>
public class BsonJsCompatibilityTests(NodeModules node) : IClassFixture<NodeModules>
{
    [Fact]
    public async Task Reads_what_js_bson_writes()
    {
        const string script = """
            const { BSON, ObjectId, Binary, Timestamp, Long, Double, Decimal128, BSONRegExp, MinKey, MaxKey, Code } = require('bson');
            const doc = {
              double: new Double(1.5), string: 'héllo ✓', document: { inner: 7 },
              array: [1, 'two', { three: Long.fromNumber(3) }],
              binary: new Binary(Buffer.from([1, 2, 3]), 4), objectId: new ObjectId('0102030405060708090a0b0c'),
              t: true, f: false, date: new Date(1700000000123), nothing: null, int32: -2147483648,
              timestamp: new Timestamp({ t: 1, i: 2 }), int64: Long.fromString('9223372036854775807'),
              decimal: Decimal128.fromString('1.5'), regex: new BSONRegExp('^a', 'i'), min: new MinKey(), max: new MaxKey(),
              code: new Code('x = 1'), codeWithScope: new Code('f()', { a: 1 }), big: 5000000000, after: 42,
            };
            process.stdout.write(Buffer.from(BSON.serialize(doc)).toString('hex'));
            """;
        var (code, output) = await node.NodeAsync(script);
        code.Should().Be(0, output);

        var decoded = BsonReader.Read(Convert.FromHexString(output.Trim()));

        decoded.Select(p => p.Key).Should().Equal(
            "double", "string", "document", "array", "binary", "objectId", "t", "f", "date", "nothing", "int32", "timestamp", "int64", "big", "after");
        decoded["double"].Should().Be(1.5);
        decoded["string"].Should().Be("héllo ✓");
        decoded.GetDocument("document")!["inner"].Should().Be(7);
        decoded.GetArray("array")!.Should().HaveCount(3);
        decoded.GetArray("array")![1].Should().Be("two");
        ((BsonDocument)decoded.GetArray("array")![2]!)["three"].Should().Be(3L);
        ((BsonBinary)decoded["binary"]!).SubType.Should().Be(4);
        ((BsonBinary)decoded["binary"]!).Data.Should().Equal(1, 2, 3);
        decoded["objectId"]!.ToString().Should().Be("0102030405060708090a0b0c");
        decoded["t"].Should().Be(true);
        decoded["f"].Should().Be(false);
        decoded["date"].Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123));
        decoded["nothing"].Should().BeNull();
        decoded["int32"].Should().Be(int.MinValue);
        decoded["timestamp"].Should().Be(new BsonTimestamp(0x0000_0001_0000_0002));
        decoded["int64"].Should().Be(long.MaxValue);
        decoded["big"].Should().Be(5_000_000_000.0); // js-bson writes a JS number beyond int32 as a double
        decoded["after"].Should().Be(42);
    }

    [Fact]
    public async Task Writes_what_js_bson_reads()
    {
        var document = new BsonDocument("double", 1.5)
            .With("string", "héllo ✓")
            .With("document", new BsonDocument("inner", 7))
            .With("array", new BsonArray([1, "two"]))
            .With("binary", new BsonBinary(4, [1, 2, 3]))
            .With("objectId", new BsonObjectId(Convert.FromHexString("0102030405060708090a0b0c")))
            .With("true", true)
            .With("date", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123))
            .With("null", null)
            .With("int32", int.MinValue)
            .With("timestamp", new BsonTimestamp(0x0000_0001_0000_0002))
            .With("int64", long.MaxValue);
        const string script = """
            const { BSON, EJSON } = require('bson');
            const doc = BSON.deserialize(Buffer.from(process.argv[2], 'hex'));
            process.stdout.write(EJSON.stringify(doc, { relaxed: false }));
            """;

        var (code, output) = await node.NodeAsync(script, Convert.ToHexString(BsonWriter.Write(document)));

        code.Should().Be(0, output);
        output.Should().Be("""
            {"double":{"$numberDouble":"1.5"},"string":"héllo ✓","document":{"inner":{"$numberInt":"7"}},"array":[{"$numberInt":"1"},"two"],
            "binary":{"$binary":{"base64":"AQID","subType":"04"}},"objectId":{"$oid":"0102030405060708090a0b0c"},"true":true,
            "date":{"$date":{"$numberLong":"1700000000123"}},"null":null,"int32":{"$numberInt":"-2147483648"},
            "timestamp":{"$timestamp":{"t":1,"i":2}},"int64":{"$numberLong":"9223372036854775807"}}
            """.ReplaceLineEndings(string.Empty));
    }
}
