using Exporter.Databases.Redis;
using Exporter.Core.Exposition;

namespace Exporter.Databases.Tests.Redis;

public sealed class RedisMetricsTests
{
    [Fact]
    public void Info_maps_to_redis_exporter_names_with_the_target_label()
    {
        var sink = new MetricSink();
        var info = RedisInfoParser.Parse(
            "# Server\nredis_version:7.0.15\nprocess_id:7\ntcp_port:6379\nuptime_in_seconds:60\n# Memory\nused_memory:100\nmaxmemory:0\nmaxmemory_policy:noeviction\n" +
            "# Stats\nkeyspace_hits:4\nexpired_keys:not-a-number\n# Replication\nrole:slave\nmaster_host:h\nmaster_port:1\nslave_read_only:1\nmaster_link_status:down\n# Keyspace\ndb3:keys=9,expires=4,avg_ttl=2500\n");

        RedisMetrics.Add(sink, "cache", info);
        var samples = sink.Families.SelectMany(f => f.Samples.Select(s => (f.Descriptor.Name, Labels: string.Join(",", s.LabelValues), s.Value))).ToList();

        samples.Should().Contain(("redis_memory_used_bytes", "cache", 100));
        samples.Should().Contain(("redis_memory_max_bytes", "cache", 0));
        samples.Should().Contain(("redis_uptime_in_seconds", "cache", 60));
        samples.Should().Contain(("redis_keyspace_hits_total", "cache", 4));
        samples.Should().Contain(("redis_db_keys", "cache,db3", 9));
        samples.Should().Contain(("redis_db_keys_expiring", "cache,db3", 4));
        samples.Should().Contain(("redis_db_avg_ttl_seconds", "cache,db3", 2.5));
        samples.Should().Contain(("redis_instance_info", "cache,slave,7.0.15,,,,noeviction,6379,,7,", 1));
        samples.Should().Contain(("redis_slave_info", "cache,h,1,1", 1));
        samples.Should().Contain(("redis_master_link_up", "cache", 0));
        samples.Select(s => s.Name).Should().NotContain("redis_expired_keys_total", "a value that is not a number is skipped");
        sink.Families.Single(f => f.Descriptor.Name == "redis_keyspace_hits_total").Descriptor.Type.Should().Be(MetricType.Counter);
    }
}
