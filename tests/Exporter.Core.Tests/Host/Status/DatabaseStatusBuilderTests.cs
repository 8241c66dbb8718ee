using Exporter.Core.Exposition;
using Exporter.Host.Status;
using static Exporter.Core.Tests.Host.Status.Families;

namespace Exporter.Core.Tests.Host.Status;

public sealed class DatabaseStatusBuilderTests
{
    [Fact]
    public void Each_target_is_up_or_down_with_the_figures_of_its_kind()
    {
        var databases = DatabaseStatusBuilder.Build(At(0,
            Of("pg_up", MetricType.Gauge, ["target"], (["main"], 1), (["replica"], 0)),
            Of("pg_stat_activity_count", MetricType.Gauge, ["target", "datname", "state"],
                (["main", "app", "idle"], 3), (["main", "app", "active"], 1), (["main", "postgres", "idle"], 1)),
            Of("pg_settings_max_connections", MetricType.Gauge, ["target"], (["main"], 100)),
            Of("pg_database_size_bytes", MetricType.Gauge, ["target", "datname"], (["main", "postgres"], 8e6), (["main", "app"], 2e6)),
            Of("redis_up", MetricType.Gauge, ["target"], (["cache"], 1)),
            Of("redis_memory_used_bytes", MetricType.Gauge, ["target"], (["cache"], 1e6)),
            Of("redis_memory_max_bytes", MetricType.Gauge, ["target"], (["cache"], 0)),
            Of("redis_db_keys", MetricType.Gauge, ["target", "db"], (["cache", "db0"], 5), (["cache", "db2"], 2)),
            Of("redis_connected_clients", MetricType.Gauge, ["target"], (["cache"], 4)),
            Of("redis_max_clients", MetricType.Gauge, ["target"], (["cache"], 10000)),
            Of("mongodb_up", MetricType.Gauge, ["target"], (["docs"], 1)),
            Of("mongodb_ss_connections", MetricType.Untyped, ["target", "conn_type"], (["docs", "current"], 7), (["docs", "available"], 93), (["docs", "totalCreated"], 50)),
            Of("mongodb_dbstats_collections", MetricType.Gauge, ["target", "database"], (["docs", "admin"], 1), (["docs", "shop"], 4)),
            Of("mongodb_dbstats_storageSize", MetricType.Gauge, ["target", "database"], (["docs", "admin"], 4096), (["docs", "shop"], 8192))));

        databases.Should().BeEquivalentTo(
            new DatabaseStatus[]
            {
                new("mongodb", "docs", true, 7, 100, null, null, null, 5, 12288, [new("admin", 4096), new("shop", 8192)]),
                new("postgres", "main", true, 5, 100, null, null, null, null, 1e7, [new("app", 2e6), new("postgres", 8e6)]),
                new("postgres", "replica", false, null, null, null, null, null, null, null, []),
                new("redis", "cache", true, 4, 10000, 1e6, null, 7, null, null, []),
            },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void An_empty_redis_has_zero_keys_and_a_down_one_none()
    {
        var databases = DatabaseStatusBuilder.Build(At(0, Of("redis_up", MetricType.Gauge, ["target"], (["empty"], 1), (["gone"], 0))));

        databases.Select(d => (d.Target, d.Up, d.Keys)).Should().Equal(("empty", true, 0), ("gone", false, null));
    }

    [Fact]
    public void No_targets_no_databases()
    {
        DatabaseStatusBuilder.Build(At(0, Gauge("node_load1", 1))).Should().BeEmpty();
    }
}
