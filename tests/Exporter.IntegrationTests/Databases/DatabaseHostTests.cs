using System.Diagnostics;
using System.Globalization;
using Exporter.IntegrationTests.Databases.Postgres;
using Exporter.IntegrationTests.Databases.Redis;
using Npgsql;

namespace Exporter.IntegrationTests.Databases;

/// <summary>The host against real PostgreSQL 15 and Redis 7 servers, with good and failing targets.</summary>
public sealed class DatabaseHostTests(DatabaseHostFixture fixture) : IClassFixture<DatabaseHostFixture>
{
    [Fact]
    public async Task Postgres_counts_match_the_server()
    {
        // PostgreSQL 15 flushes table statistics at transaction end, at most once a second.
        var metrics = await ScrapeUntilAsync(m => m.Value("pg_stat_database_tup_inserted", ("target", "main"), ("datname", "app1")) >= PostgresServer.Rows);

        metrics.Value("pg_up", ("target", "main")).Should().Be(1);
        metrics.Value("pg_stat_activity_count", ("target", "main"), ("datname", "app2"), ("state", "idle")).Should().Be(PostgresServer.HeldConnections);
        metrics.Value("pg_stat_activity_count", ("target", "main"), ("datname", "app1"), ("state", "active")).Should().Be(0);
        metrics.Value("pg_stat_database_numbackends", ("target", "main"), ("datname", "app2")).Should().Be(PostgresServer.HeldConnections);
        metrics.Value("pg_stat_database_xact_commit", ("target", "main"), ("datname", "app1")).Should().BePositive();
        metrics.Value("pg_settings_max_connections", ("target", "main")).Should().Be(50);

        var sizes = metrics.Named("pg_database_size_bytes", "main").ToDictionary(s => s.Labels["datname"], s => s.Value);
        var databases = await DatabaseNamesAsync();
        sizes.Keys.Should().BeEquivalentTo(databases).And.Contain(["app1", "app2", "postgres"]);
        var app2 = sizes["app2"];
        app2.Should().BeInRange(4e6, 64e6, "an empty database is a copy of template1, a few MB");
        var tableSize = Convert.ToDouble(await fixture.Postgres.ScalarAsync("app1", "SELECT pg_total_relation_size('items')"), CultureInfo.InvariantCulture);
        (sizes["app1"] - app2).Should().BeApproximately(tableSize, tableSize * 0.2, "app1 is app2 plus the items table");

        var version = metrics.Named("pg_static", "main").Should().ContainSingle().Subject.Labels;
        version["short_version"].Should().StartWith("15.").And.EndWith(".0");
        version["version"].Should().StartWith("PostgreSQL 15");
    }

    [Fact]
    public async Task Redis_counts_match_the_server()
    {
        var metrics = await fixture.ScrapeAsync();

        foreach (var target in new[] { "cache", "acl" })
        {
            metrics.Value("redis_up", ("target", target)).Should().Be(1, target);
            metrics.Value("redis_db_keys", ("target", target), ("db", "db0")).Should().Be(5);
            metrics.Value("redis_db_keys_expiring", ("target", target), ("db", "db0")).Should().Be(3);
            metrics.Value("redis_db_keys", ("target", target), ("db", "db2")).Should().Be(2);
            metrics.Value("redis_db_keys_expiring", ("target", target), ("db", "db2")).Should().Be(0);
        }

        metrics.Value("redis_memory_used_bytes", ("target", "cache")).Should().BeInRange(100_000, 100e6);
        metrics.Value("redis_memory_used_rss_bytes", ("target", "cache")).Should().BeInRange(1e6, 1e9);
        metrics.Value("redis_memory_max_bytes", ("target", "cache")).Should().Be(0);
        metrics.Value("redis_connected_clients", ("target", "cache")).Should().BeInRange(2, 10);
        metrics.Value("redis_commands_processed_total", ("target", "cache")).Should().BeGreaterThanOrEqualTo(8);
        metrics.Value("redis_uptime_in_seconds", ("target", "cache")).Should().BeInRange(0, 600);
        var info = metrics.Named("redis_instance_info", "cache").Should().ContainSingle().Subject.Labels;
        info["role"].Should().Be("master");
        info["redis_version"].Should().StartWith("7.");
        info["tcp_port"].Should().Be(fixture.Redis.Port.ToString(CultureInfo.InvariantCulture));
        metrics.Value("redis_connected_slaves", ("target", "cache")).Should().Be(0);
    }

    [Fact]
    public async Task Failing_targets_are_down_within_their_timeout_and_the_rest_of_the_scrape_stays()
    {
        var clock = Stopwatch.StartNew();
        var metrics = await fixture.ScrapeAsync();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "the silent targets give up after 1s, within the 5s collector timeout");

        foreach (var target in new[] { "badpw", "refused", "silent" })
        {
            metrics.Value("pg_up", ("target", target)).Should().Be(0, target);
            metrics.Value("redis_up", ("target", target)).Should().Be(0, target);
            metrics.Where(s => s.Labels.GetValueOrDefault("target") == target).Should().HaveCount(2, "a down target has only its up gauge");
        }

        metrics.Value("pg_up", ("target", "main")).Should().Be(1);
        metrics.Value("redis_up", ("target", "cache")).Should().Be(1);
        foreach (var collector in new[] { "postgres", "redis", "loadavg" })
        {
            metrics.Value("node_scrape_collector_success", ("collector", collector)).Should().Be(1, collector);
        }
    }

    [Fact]
    public async Task No_secret_appears_in_metrics_landing_page_or_logs_and_errors_are_logged_once()
    {
        await fixture.ScrapeAsync();
        var exposition = await fixture.Host.GetMetricsAsync();
        using var client = new HttpClient();
        var landing = await client.GetStringAsync(fixture.Host.BaseAddress);

        // Scraped until every failing target has logged its own error (a busy machine can make a
        // first attempt time out instead).
        string[] expected =
        [
            "postgres target silent is down", "redis target silent is down",
            "postgres target badpw is down: 28P01", "redis target badpw is down: AUTH failed",
        ];
        await ScrapeUntilAsync(_ => expected.All(line => fixture.Host.Output.Contains(line, StringComparison.Ordinal)));

        var logs = fixture.Host.Output;

        foreach (var secret in DatabaseHostFixture.Secrets)
        {
            exposition.Should().NotContain(secret);
            landing.Should().NotContain(secret);
            logs.Should().NotContain(secret);
        }

        landing.Should().Contain("postgres").And.Contain("redis");
        // Each failure is logged once, however many scrapes fail the same way. (On a busy machine a
        // first attempt can time out before the server's own error arrives: another error, another line.)
        foreach (var kind in new[] { "postgres", "redis" })
        {
            foreach (var target in new[] { "badpw", "refused", "silent" })
            {
                var lines = logs.Split('\n').Where(l => l.Contains($"{kind} target {target} is down", StringComparison.Ordinal)).ToList();
                lines.Should().NotBeEmpty($"{kind} {target} is down").And.OnlyHaveUniqueItems($"each error of {kind} {target} is logged once: {logs}");
            }
        }

        logs.Should().Contain("postgres target badpw is down: 28P01: password authentication failed for user \"exporter\"");
        logs.Should().Contain("redis target badpw is down: AUTH failed: WRONGPASS");
        logs.Should().Contain("redis target silent is down: no answer within 1s");
    }

    [Fact]
    public async Task Connections_are_reused_between_scrapes_and_reopened_after_a_failure()
    {
        await ScrapeUntilAsync(m => m.Value("redis_up", ("target", "cache")) == 1 && m.Value("pg_up", ("target", "main")) == 1);
        var before = await ExporterBackendsAsync();
        var redisBefore = await RedisClientIdAsync();
        await fixture.ScrapeAsync();

        (await RedisClientIdAsync()).Should().Be(redisBefore, "the Redis connection stays open");
        (await ExporterBackendsAsync()).Should().Equal(before, "Npgsql's pool keeps the PostgreSQL connection").And.HaveCount(1);

        // Kill the exporter's connections on the servers' side: the next scrapes reconnect.
        await fixture.Redis.CommandAsync("CLIENT", "KILL", "SKIPME", "yes");
        await fixture.Postgres.ExecuteAsync("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'exporter'");
        var recovered = await ScrapeUntilAsync(m => m.Value("redis_up", ("target", "cache")) == 1 && m.Value("pg_up", ("target", "main")) == 1);

        recovered.Value("redis_up", ("target", "cache")).Should().Be(1);
        recovered.Value("pg_up", ("target", "main")).Should().Be(1);
        (await RedisClientIdAsync()).Should().NotBe(redisBefore);
        (await ExporterBackendsAsync()).Should().ContainSingle().Which.Should().NotBe(before[0]);
    }

    /// <summary>The id of the "cache" target's connection: the default user's client whose last command was INFO.</summary>
    private async Task<string> RedisClientIdAsync()
    {
        var list = (await fixture.Redis.CommandAsync("CLIENT", "LIST", "TYPE", "normal")).Text!;
        var line = list.Split('\n').Should().ContainSingle(l => l.Contains(" user=default ", StringComparison.Ordinal) && l.Contains(" cmd=info ", StringComparison.Ordinal)).Subject;
        return line.Split(' ')[0];
    }

    private Task<List<Series>> ScrapeUntilAsync(Func<List<Series>, bool> done) => Series.ScrapeUntilAsync(() => fixture.Host.GetMetricsAsync(), done);

    private async Task<List<string>> DatabaseNamesAsync()
    {
        await using var connection = await fixture.Postgres.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private async Task<List<int>> ExporterBackendsAsync()
    {
        await using var connection = await fixture.Postgres.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = 'exporter' ORDER BY pid", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var pids = new List<int>();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }
}
