using Exporter.Databases;
using Exporter.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace Exporter.Core.Tests.Host;

/// <summary>The YAML file of --config.file, read into configuration keys and bound as the host binds them.</summary>
public sealed class ConfigFileTests
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
    [InlineData("redis:\n  - name: a\n    port: high\n", "line 3, column 11: redis[0].port: the value has the wrong type for this setting")]
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
    public void Reads_mongodb_targets_from_the_config_file()
    {
        var options = DatabaseConfigFile.Parse("""
            mongodb:
              - name: main
                host: mongo.internal
                port: 27018
                user: exporter
                password_file: /run/secrets/mongo
                auth_database: ops
                tls: true
                tls_ca_file: /etc/mongo-ca.pem
                timeout: 2s
              - name: local
            """);

        var main = options.MongoDb[0];
        (main.Name, main.Host, main.Port, main.User, main.PasswordFile, main.AuthDatabase, main.Tls, main.TlsCaFile, main.Timeout)
            .Should().Be(("main", "mongo.internal", 27018, "exporter", "/run/secrets/mongo", "ops", true, "/etc/mongo-ca.pem", TimeSpan.FromSeconds(2)));
        var local = options.MongoDb[1];
        (local.Host, local.Port, local.User, local.AuthDatabase, local.Tls).Should().Be(("127.0.0.1", 27017, (string?)null, "admin", false));
    }

    [Fact]
    public void A_missing_file_is_reported_with_its_path()
    {
        var configuration = new ConfigurationManager();

        var act = () => configuration.AddExporterConfigFile(new Dictionary<string, string?> { ["Exporter:ConfigFile"] = "/nonexistent/targets.yml" });

        act.Should().Throw<ConfigFileException>().Which.Errors.Should().ContainSingle().Which.Should().Be("config file /nonexistent/targets.yml: no such file");
    }

    [Fact]
    public void Targets_in_the_file_join_those_configured_elsewhere_and_flags_still_win()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "redis:\n  - name: from-file\n    port: 6380\n");
            var configuration = new ConfigurationManager();
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Exporter:Databases:Redis:0:Name"] = "from-env" });
            var flags = new Dictionary<string, string?> { ["Exporter:ConfigFile"] = file, ["Exporter:CollectorTimeout"] = "00:00:07" };

            configuration.AddExporterConfigFile(flags);
            configuration.AddInMemoryCollection(flags);

            var databases = configuration.GetSection("Exporter:Databases").Get<DatabaseOptions>()!;
            databases.Redis.Select(t => (t.Name, t.Port)).Should().Equal(("from-env", 6379), ("from-file", 6380));
            configuration["Exporter:CollectorTimeout"].Should().Be("00:00:07");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Every_key_of_the_file_is_a_setting_of_the_options_it_binds_to()
    {
        // The schema lists the file's keys by hand; each must name a property (snake_case → PascalCase),
        // and every settable property of a target must be reachable from the file.
        var targetTypes = new Dictionary<string, Type>
        {
            ["postgres"] = typeof(PostgresTargetOptions),
            ["redis"] = typeof(RedisTargetOptions),
            ["mongodb"] = typeof(MongoDbTargetOptions),
        };
        ConfigFileSchema.Sections.Keys.Should().BeEquivalentTo([.. targetTypes.Keys, "push"], "push: is checked in PushConfigFileTests");
        foreach (var (section, type) in targetTypes)
        {
            var keys = ((MapShape)((ListShape)ConfigFileSchema.Sections[section].Shape).Item).Keys.Keys;
            keys.Select(YamlConfigFile.PropertyName).Should().BeEquivalentTo(
                type.GetProperties().Where(p => p.CanWrite && p.SetMethod!.IsPublic).Select(p => p.Name), section);
        }
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("True", true)]
    [InlineData("off", false)]
    public void Booleans_take_yamls_words(string value, bool expected)
    {
        DatabaseConfigFile.Parse($"redis:\n  - name: a\n    tls: {value}\n").Redis.Single().Tls.Should().Be(expected);
    }

    /// <summary>What the host does with the file: configuration keys under Exporter, bound to the library's options.</summary>
    private static class DatabaseConfigFile
    {
        public static DatabaseOptions Parse(string yaml) =>
            new ConfigurationBuilder().AddInMemoryCollection(YamlConfigFile.Parse(yaml)).Build()
                .GetSection("Exporter:Databases").Get<DatabaseOptions>(o => o.ErrorOnUnknownConfiguration = true) ?? new DatabaseOptions();
    }
}
