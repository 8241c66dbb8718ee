using System.Text.Json;

namespace Exporter.IntegrationTests.Databases.MongoDb;

/// <summary>
/// MongoDB's official Node.js driver (6.x) against the test responder: proves the responder speaks
/// the protocol a real client expects (OP_MSG hello, SCRAM-SHA-256 with server-signature check,
/// command replies), so the collector's end-to-end tests against it mean something.
/// </summary>
public class MongoResponderDriverTests(NodeModules node) : IClassFixture<NodeModules>
{
    // serverApi makes the driver use OP_MSG from its first hello (without it, it opens with a
    // legacy OP_QUERY isMaster, which the responder, like the exporter, does not speak).
    private const string Script = """
        const { MongoClient } = require('mongodb');
        (async () => {
          const client = new MongoClient(process.argv[2], { serverApi: { version: '1' }, directConnection: true, serverSelectionTimeoutMS: 5000 });
          try {
            await client.connect();
            const admin = client.db('admin');
            const list = await admin.command({ listDatabases: 1, nameOnly: true });
            const stats = await client.db('shop').command({ dbStats: 1 });
            const status = await admin.command({ serverStatus: 1 });
            console.log(JSON.stringify({ databases: list.databases.map(d => d.name), collections: stats.collections,
              objects: stats.objects, dataSize: stats.dataSize, version: status.version, current: status.connections.current }));
          } finally {
            await client.close();
          }
        })().catch(e => { console.log(JSON.stringify({ error: e.message, name: e.name })); process.exit(3); });
        """;

    [Fact]
    public async Task The_official_driver_authenticates_and_reads_the_replies()
    {
        await using var responder = new MongoResponder("exporter", "s3cret-Pa55",
            new FakeDatabase("admin", 1, 2, 300, 4096, 4096), new FakeDatabase("shop", 3, 1234, 56789.5, 98304, 45056));

        var (code, output) = await node.NodeAsync(Script, $"mongodb://exporter:s3cret-Pa55@127.0.0.1:{responder.Port}/?authSource=admin&authMechanism=SCRAM-SHA-256");

        code.Should().Be(0, output);
        var result = JsonDocument.Parse(output).RootElement;
        result.GetProperty("databases").EnumerateArray().Select(e => e.GetString()).Should().Equal("admin", "shop");
        result.GetProperty("collections").GetInt32().Should().Be(3);
        result.GetProperty("objects").GetInt64().Should().Be(1234);
        result.GetProperty("dataSize").GetDouble().Should().Be(56789.5);
        result.GetProperty("version").GetString().Should().Be("7.0.14");
        result.GetProperty("current").GetInt32().Should().Be(3);
        responder.Commands.Should().Contain(["hello", "saslStart", "saslContinue", "listDatabases", "dbStats", "serverStatus"]);
    }

    [Fact]
    public async Task The_official_driver_is_refused_with_a_wrong_password()
    {
        await using var responder = new MongoResponder("exporter", "s3cret-Pa55", new FakeDatabase("admin", 1, 2, 300, 4096, 4096));

        var (code, output) = await node.NodeAsync(Script, $"mongodb://exporter:wrong@127.0.0.1:{responder.Port}/?authSource=admin&authMechanism=SCRAM-SHA-256");

        code.Should().Be(3, output);
        output.Should().Contain("Authentication failed.");
        responder.Commands.Should().NotContain("listDatabases");
    }
}
