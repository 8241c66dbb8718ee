using Exporter.Core.Databases;

namespace Exporter.Core.Tests.Databases;

public sealed class DatabaseConfigFileTests
{
    [Fact]
    public void Reads_every_kind_of_target()
    {
        var options = DatabaseConfigFile.Parse("""
            postgres:
              - name: main
                host: db.internal
                port: 5433
                user: exporter
                password_file: /run/secrets/pg
                database: app
                ssl_mode: verify-full
                timeout: 1500ms
              - name: second
                user: exporter
                password_env: PG_PASSWORD
            redis:
              - name: cache
                host: 10.0.0.5
                user: monitor
                password_env: REDIS_PASSWORD
                tls: true
                tls_server_name: cache.internal
                tls_ca_file: /etc/ca.pem
                timeout: 00:00:02
            """);

        options.Postgres.Should().HaveCount(2);
        var main = options.Postgres[0];
        (main.Name, main.Host, main.Port, main.User, main.PasswordFile, main.Database, main.SslMode, main.Timeout)
            .Should().Be(("main", "db.internal", 5433, "exporter", "/run/secrets/pg", "app", "verify-full", TimeSpan.FromMilliseconds(1500)));
        (options.Postgres[1].Port, options.Postgres[1].Host, options.Postgres[1].PasswordEnv, options.Postgres[1].Timeout)
            .Should().Be((5432, "127.0.0.1", "PG_PASSWORD", (TimeSpan?)null));
        var cache = options.Redis.Single();
        (cache.Name, cache.Host, cache.Port, cache.User, cache.PasswordEnv, cache.Tls, cache.TlsServerName, cache.TlsCaFile, cache.Timeout)
            .Should().Be(("cache", "10.0.0.5", 6379, "monitor", "REDIS_PASSWORD", true, "cache.internal", "/etc/ca.pem", TimeSpan.FromSeconds(2)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing yet\n")]
    [InlineData("postgres: []\n")]
    public void An_empty_file_has_no_targets(string yaml)
    {
        var options = DatabaseConfigFile.Parse(yaml);

        options.Postgres.Should().BeEmpty();
        options.Redis.Should().BeEmpty();
    }

    [Theory]
    [InlineData("postgres:\n  - name: a\n    passwd: x\n", "line 3*Property 'passwd' not found")]
    [InlineData("mysql:\n  - name: a\n", "line 1*Property 'mysql' not found")]
    [InlineData("config_file: /x\n", "Property 'config_file' not found")]
    [InlineData("redis:\n  - name: a\n    timeout: soon\n", "line 3*not a duration")]
    [InlineData("redis:\n  - name: a\n    port: high\n", "line 3, column 11: the value has the wrong type for this setting")]
    [InlineData("redis: [\n", "line")]
    [InlineData("postgres:\n  name: a\n", "line 2")]
    public void Invalid_files_say_where(string yaml, string message)
    {
        var act = () => DatabaseConfigFile.Parse(yaml);

        act.Should().Throw<FormatException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void A_misplaced_value_is_not_quoted()
    {
        var act = () => DatabaseConfigFile.Parse("redis:\n  - name: a\n    port: Secret-1234\n    timeout: Secret-5678\n");

        act.Should().Throw<FormatException>().Which.Message.Should().NotContain("Secret-");
    }

    [Fact]
    public void Load_reports_a_missing_file_instead_of_throwing()
    {
        var options = new DatabaseOptions();

        DatabaseConfigFile.Load("/nonexistent/targets.yml", options);

        options.LoadErrors.Should().ContainSingle().Which.Should().Be("config file /nonexistent/targets.yml: no such file");
    }
}
