using System.Globalization;
using Exporter.IntegrationTests.Databases.MongoDb;
using Exporter.IntegrationTests.Databases.Postgres;
using Exporter.IntegrationTests.Databases.Redis;
using Exporter.IntegrationTests.Docker;

namespace Exporter.IntegrationTests.Stack;

/// <summary>
/// What the live stack's host scrapes besides its own machine, so the Containers and Databases
/// dashboards have data: a real dockerd (the Docker tests' <see cref="DockerEngine"/>) with two
/// containers, a real PostgreSQL and Redis (the Databases tests' servers), and the MongoDB
/// stand-in, all reached through a --config.file as a user would configure them.
/// </summary>
internal sealed class StackPeers(string directory) : IAsyncDisposable
{
    public const string MongoPassword = "stack-Mongo-Pw-4711";

    private readonly DockerEngine _docker = new();
    private readonly PostgresServer _postgres = new();
    private readonly RedisServer _redis = new();
    private MongoResponder? _mongo;

    /// <summary>The host's flags that point it at the peers.</summary>
    public IReadOnlyList<string> Flags { get; private set; } = [];

    /// <summary>The environment the host needs (the passwords given by variable).</summary>
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["STACK_REDIS_PASSWORD"] = RedisServer.Password,
        ["STACK_MONGO_PASSWORD"] = MongoPassword,
    };

    public async Task StartAsync()
    {
        _mongo = new MongoResponder("exporter", MongoPassword,
            new FakeDatabase("admin", 1, 2, 300, 4096, 4096), new FakeDatabase("shop", 3, 1234, 56789.5, 98304, 45056));
        await Task.WhenAll(StartDockerAsync(), _postgres.InitializeAsync(), _redis.InitializeAsync());

        var pgSecret = Path.Join(directory, "pg-password");
        await File.WriteAllTextAsync(pgSecret, PostgresServer.ExporterPassword + "\n");
        var config = Path.Join(directory, "databases.yml");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            postgres:
              - name: main
                port: {_postgres.Port}
                user: exporter
                password_file: {pgSecret}
                ssl_mode: disable
            redis:
              - name: cache
                port: {_redis.Port}
                password_env: STACK_REDIS_PASSWORD
            mongodb:
              - name: orders
                port: {_mongo.Port}
                user: exporter
                password_env: STACK_MONGO_PASSWORD
            """));
        Flags = ["--collector.docker", $"--collector.docker.host={_docker.Host}", $"--config.file={config}"];
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_docker.DisposeAsync(), _postgres.DisposeAsync(), _redis.DisposeAsync());
        if (_mongo is not null)
        {
            await _mongo.DisposeAsync();
        }
    }

    // Enough for every Containers panel: a memory limit, a health check and a network with traffic.
    private async Task StartDockerAsync()
    {
        await _docker.InitializeAsync();
        await _docker.DockerAsync("network", "create", "--internal", "stacknet");
        await Task.WhenAll(
            _docker.DockerAsync("run", "-d", "--init", "--name", "web", "-m", "64m", "--network", "stacknet",
                "--health-cmd", "true", "--health-interval", "1s", DockerEngine.Image, "sleep", "3600"),
            _docker.DockerAsync("run", "-d", "--init", "--name", "worker", "--network", "stacknet", DockerEngine.Image, "sleep", "3600"));
        var web = await _docker.DockerAsync("inspect", "-f", "{{.NetworkSettings.Networks.stacknet.IPAddress}}", "web");
        await _docker.DockerAsync("exec", "worker", "ping", "-c", "2", "-i", "0.2", "-W", "1", web);
    }
}
