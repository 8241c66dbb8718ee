using Exporter.Databases.Redis;

namespace Exporter.Databases.Tests.Redis;

public sealed class RedisInfoParserTests
{
    // Shortened from a real Redis 7.0 INFO reply (CR LF line ends, as the server sends them).
    private const string Primary =
        "# Server\r\nredis_version:7.0.15\r\nredis_mode:standalone\r\nos:Linux 6.1.0 x86_64\r\nprocess_id:4242\r\nrun_id:abc123\r\ntcp_port:6379\r\nuptime_in_seconds:3600\r\n\r\n" +
        "# Clients\r\nconnected_clients:3\r\n\r\n# Memory\r\nused_memory:1048576\r\nused_memory_rss:4194304\r\nused_memory_peak:2097152\r\nmaxmemory:0\r\nmaxmemory_policy:noeviction\r\nmem_fragmentation_ratio:4.00\r\n\r\n" +
        "# Stats\r\ntotal_commands_processed:77\r\nexpired_keys:2\r\nevicted_keys:0\r\nkeyspace_hits:10\r\nkeyspace_misses:5\r\n\r\n" +
        "# Replication\r\nrole:master\r\nconnected_slaves:1\r\nslave0:ip=10.0.0.2,port=6380,state=online,offset=1234,lag=1\r\nmaster_replid:ffff\r\nmaster_repl_offset:1234\r\n\r\n" +
        "# Keyspace\r\ndb0:keys=5,expires=3,avg_ttl=3599000\r\ndb2:keys=2,expires=0,avg_ttl=0\r\n";

    [Fact]
    public void Parses_fields_keyspace_and_replicas()
    {
        var info = RedisInfoParser.Parse(Primary);

        info.Fields["redis_version"].Should().Be("7.0.15");
        info.Fields["os"].Should().Be("Linux 6.1.0 x86_64");
        info.Fields["used_memory"].Should().Be("1048576");
        info.Fields["role"].Should().Be("master");
        info.Fields.Should().NotContainKey("slave0").And.NotContainKey("db0");
        info.Keyspace.Should().Equal(new RedisKeyspace("db0", 5, 3, 3599000), new RedisKeyspace("db2", 2, 0, 0));
        info.Replicas.Should().Equal(new RedisReplica("10.0.0.2", "6380", "online", 1234, 1));
    }

    [Fact]
    public void A_replica_keeps_its_slave_fields_as_fields()
    {
        var info = RedisInfoParser.Parse("# Replication\nrole:slave\nmaster_host:10.0.0.1\nmaster_port:6379\nmaster_link_status:up\nslave_read_only:1\nslave_repl_offset:99\n");

        info.Fields["slave_read_only"].Should().Be("1");
        info.Fields["slave_repl_offset"].Should().Be("99");
        info.Replicas.Should().BeEmpty();
    }

    [Fact]
    public void Empty_reply_has_nothing()
    {
        var info = RedisInfoParser.Parse(string.Empty);

        info.Fields.Should().BeEmpty();
        info.Keyspace.Should().BeEmpty();
    }

    [Theory]
    [InlineData("# Server\r\nno colon here\r\n", "not field:value")]
    [InlineData(":value\r\n", "not field:value")]
    [InlineData("# Keyspace\r\ndb0:keys=x,expires=0\r\n", "no numeric keys")]
    [InlineData("# Keyspace\r\ndb0:keys=1\r\n", "no numeric expires")]
    [InlineData("# Keyspace\r\ndb0:garbage\r\n", "not a list of key=value")]
    [InlineData("# Replication\r\nslave0:ip=1.2.3.4,port=1,state=online\r\n", "no numeric offset")]
    public void Malformed_lines_are_format_errors(string text, string message)
    {
        var act = () => RedisInfoParser.Parse(text);

        act.Should().Throw<FormatException>().WithMessage($"redis info: *{message}*");
    }
}
