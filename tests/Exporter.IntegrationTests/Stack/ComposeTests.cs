using System.Text.RegularExpressions;
using Exporter.IntegrationTests.Databases;
using Exporter.IntegrationTests.Databases.MongoDb;
using Exporter.IntegrationTests.Databases.Redis;
using Exporter.Databases;
using Exporter.Host.Configuration;
using Exporter.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Exporter.IntegrationTests.Stack;

/// <summary>
/// docker-compose.yml validated by docker-compose itself (no registry here, so it cannot be
/// started): valid, every image pinned, every file it mounts from the repository present (each of
/// those is checked by the other tests in this folder), the exporter's host mounts, Docker socket and
/// database file read-only, and its command and database file accepted by our host.
/// </summary>
public sealed partial class ComposeTests
{
    private const string DatabaseFile = "exporter/databases.example.yml";
    private const string DatabaseFileInContainer = "/etc/exporter/databases.yml";
    private static readonly string ComposeFile = RepoPaths.Combine("docker-compose.yml");

    [Fact]
    public void Compose_file_is_valid()
    {
        var (exitCode, output) = Cli.Run("docker-compose", "--file", ComposeFile, "config", "--quiet");

        exitCode.Should().Be(0, output);
    }

    [Fact]
    public void Services_are_the_whole_stack_with_pinned_images()
    {
        var services = Yaml.Load(ComposeFile).Map("services");

        services.Keys.Cast<string>().Should().BeEquivalentTo(["exporter", "prometheus", "vm-1m", "vm-5m", "vm-1h", "alertmanager", "grafana"]);
        foreach (var (name, service) in services.Select(s => ((string)s.Key, (Dictionary<object, object>)s.Value)))
        {
            var image = service.Text("image");
            PinnedImage().IsMatch(image).Should().BeTrue($"{name}'s image {image} names a version");
        }
    }

    [Fact]
    public void Mounted_repository_files_exist()
    {
        var mounts = Yaml.Load(ComposeFile).Map("services").Values.Cast<Dictionary<object, object>>()
            .SelectMany(s => s.TryGetValue("volumes", out var v) ? ((List<object>)v).Cast<string>() : [])
            .Where(v => v.StartsWith("./", StringComparison.Ordinal))
            .ToList();

        mounts.Should().HaveCountGreaterThanOrEqualTo(4);
        foreach (var mount in mounts)
        {
            var source = mount.Split(':')[0];
            Path.Exists(RepoPaths.Combine(source)).Should().BeTrue($"{source} is mounted by docker-compose.yml");
            mount.Should().EndWith(":ro", "configuration is mounted read-only");
        }
    }

    [Fact]
    public void Exporter_reads_the_host_read_only_with_paths_set()
    {
        var exporter = Yaml.Load(ComposeFile).Map("services").Map("exporter");
        var volumes = exporter.List("volumes").Cast<string>().ToList();
        var command = exporter.List("command").Cast<string>().ToList();

        volumes.Should().Contain(["/proc:/host/proc:ro", "/sys:/host/sys:ro", "/:/host/root:ro,rslave", "/var/run/docker.sock:/var/run/docker.sock:ro"]);
        command.Should().Contain(["--path.procfs=/host/proc", "--path.sysfs=/host/sys", "--path.rootfs=/host/root"]);
    }

    [Fact]
    public void Exporter_reads_the_docker_socket_and_its_database_file_read_only_with_secrets_from_files()
    {
        var compose = Yaml.Load(ComposeFile);
        var exporter = compose.Map("services").Map("exporter");
        var command = exporter.List("command").Cast<string>().ToList();
        var secrets = exporter.List("secrets").Cast<string>().ToList();

        command.Should().Contain("--collector.docker.host=unix:///var/run/docker.sock");
        command.Should().Contain($"--config.file={DatabaseFileInContainer}");
        exporter.List("volumes").Cast<string>().Should().Contain(["/var/run/docker.sock:/var/run/docker.sock:ro", $"./{DatabaseFile}:{DatabaseFileInContainer}:ro"]);

        var databases = new ConfigurationBuilder().AddInMemoryCollection(YamlConfigFile.Parse(File.ReadAllText(RepoPaths.Combine(DatabaseFile)))).Build()
            .GetSection("Exporter:Databases").Get<DatabaseOptions>()!;
        List<DatabaseTargetOptions> targets = [.. databases.Postgres, .. databases.Redis, .. databases.MongoDb];
        (databases.Postgres.Count, databases.Redis.Count, databases.MongoDb.Count).Should().Be((1, 1, 1), "the example shows each kind");
        foreach (var target in targets)
        {
            (target.Password, target.PasswordEnv).Should().Be((null, null), "passwords come from secret files");
            target.PasswordFile.Should().StartWith("/run/secrets/");
            var secret = Path.GetFileName(target.PasswordFile!);
            secrets.Should().Contain(secret);
            compose.Map("secrets").Map(secret).Text("file").Should().Be($"${{SECRETS_DIR:-./secrets}}/{secret}");
        }
    }

    [Fact]
    public async Task Our_host_starts_with_the_exporter_command_and_the_example_database_file()
    {
        // The example's targets pointed at servers this test controls, each secret read from its
        // file: a real Redis and the MongoDB responder that take the secrets (up, which shows the
        // files were read), and a PostgreSQL port held with nothing listening (down, for certain).
        const string MongoPassword = "Compose-Mongo-Secret-2718";
        var dir = Directory.CreateTempSubdirectory("compose-exporter-").FullName;
        var redis = new RedisServer();
        await using var mongo = new MongoResponder("exporter", MongoPassword, new FakeDatabase("admin", 1, 2, 300, 4096, 4096));
        using var postgres = new HeldPort();
        try
        {
            await redis.InitializeAsync();
            var secrets = new Dictionary<string, string>
            {
                ["postgres_password"] = "Compose-Pg-Secret-1414", ["redis_password"] = RedisServer.Password, ["mongodb_password"] = MongoPassword,
            };
            foreach (var (name, secret) in secrets)
            {
                await File.WriteAllTextAsync(Path.Join(dir, name), secret + "\n");
            }

            var example = await File.ReadAllTextAsync(RepoPaths.Combine(DatabaseFile));
            var databases = Path.Join(dir, "databases.yml");
            await File.WriteAllTextAsync(databases, example
                .Replace("/run/secrets/", dir + "/", StringComparison.Ordinal)
                .Replace("port: 5432", $"port: {postgres.Port}", StringComparison.Ordinal)
                .Replace("port: 6379", $"port: {redis.Port}", StringComparison.Ordinal)
                .Replace("port: 27017", $"port: {mongo.Port}", StringComparison.Ordinal));

            // Everything but the listen address and the /host mounts, which only exist in the container.
            var flags = Yaml.Load(ComposeFile).Map("services").Map("exporter").List("command").Cast<string>()
                .Where(f => !f.StartsWith("--web.listen-address", StringComparison.Ordinal) && !f.StartsWith("--path.", StringComparison.Ordinal))
                .Select(f => f.Replace(DatabaseFileInContainer, databases, StringComparison.Ordinal))
                .ToArray();
            using var host = await HostProcess.StartAsync(flags);

            // A busy machine can make a first connection outlast a target's timeout: scrape until
            // both are up (or a generous minute has passed); PostgreSQL must be down every time.
            var metrics = string.Empty;
            var scrape = await Series.ScrapeUntilAsync(
                async () => metrics = await host.GetMetricsAsync(),
                m => m.Value("pg_up", ("target", "main")) == 0 && m.Value("redis_up", ("target", "cache")) == 1 && m.Value("mongodb_up", ("target", "main")) == 1);

            scrape.Value("pg_up", ("target", "main")).Should().Be(0, "nothing listens on the PostgreSQL port");
            scrape.Value("redis_up", ("target", "cache")).Should().Be(1, "Redis takes the password from the redis_password secret: " + host.Output);
            scrape.Value("mongodb_up", ("target", "main")).Should().Be(1, "MongoDB takes the password from the mongodb_password secret: " + host.Output);
            foreach (var secret in secrets.Values)
            {
                metrics.Should().NotContain(secret);
                host.Output.Should().NotContain(secret);
            }
        }
        finally
        {
            await redis.DisposeAsync();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Each_tier_store_keeps_its_tier_for_the_seeds_time()
    {
        var services = Yaml.Load(ComposeFile).Map("services");

        Command(services, "prometheus").Should().Contain("--storage.tsdb.retention.time=1d");
        Command(services, "vm-1m").Should().Contain("-retentionPeriod=7d");
        Command(services, "vm-5m").Should().Contain("-retentionPeriod=30d");
        Command(services, "vm-1h").Should().Contain("-retentionPeriod=1y");
    }

    private static List<string> Command(Dictionary<object, object> services, string name) =>
        [.. services.Map(name).List("command").Cast<string>()];

    // A tag with a version number; "latest" or no tag would change under the stack.
    [GeneratedRegex(@"^[a-z0-9./_-]+:v?\d+(\.\d+)+$")]
    private static partial Regex PinnedImage();
}
