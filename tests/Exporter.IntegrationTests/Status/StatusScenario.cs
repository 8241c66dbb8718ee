using System.Globalization;
using Exporter.IntegrationTests.Databases;
using Exporter.IntegrationTests.Databases.Postgres;
using Exporter.IntegrationTests.Databases.Redis;
using Exporter.IntegrationTests.Docker;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Status;

/// <summary>
/// A real dockerd with a few containers (web with a memory limit, a CPU burner, a finished job),
/// real PostgreSQL and Redis servers, and our host with its default collectors plus docker and both
/// databases, the status page refreshing every second; and a browser.
/// </summary>
public sealed class StatusScenario : IAsyncLifetime
{
    public const int RefreshSeconds = 1;

    private readonly string _config = Directory.CreateTempSubdirectory("exporter-status-conf-").FullName;
    private bool _redisStopped;

    public DockerEngine Engine { get; } = new();

    public PostgresServer Postgres { get; } = new();

    public RedisServer Redis { get; } = new();

    public HostProcess Host { get; private set; } = null!;

    public Browser Browser { get; private set; } = null!;

    public Uri Url(string pathAndQuery) => new(Host.BaseAddress, pathAndQuery);

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Engine.InitializeAsync(), Postgres.InitializeAsync(), Redis.InitializeAsync());
        const string Image = DockerEngine.Image;
        await Task.WhenAll(
            Engine.DockerAsync("run", "-d", "--init", "--name", "web", "-m", "64m", Image, "sleep", "3600"),
            Engine.DockerAsync("run", "-d", "--init", "--name", "worker", "--cpus", "0.2", Image, "sh", "-c", "yes > /dev/null"),
            Engine.DockerAsync("run", "-d", "--init", "--name", "migrate", Image, "true"));

        var secret = Path.Join(_config, "pg-password");
        await File.WriteAllTextAsync(secret, PostgresServer.ExporterPassword + "\n");
        var file = Path.Join(_config, "databases.yml");
        await File.WriteAllTextAsync(file, string.Create(CultureInfo.InvariantCulture, $"""
            postgres:
              - name: main
                port: {Postgres.Port}
                user: exporter
                password_file: {secret}
                ssl_mode: disable
            redis:
              - name: cache
                port: {Redis.Port}
                password_env: TEST_REDIS_PASSWORD
            """));

        Host = await HostProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["TEST_REDIS_PASSWORD"] = RedisServer.Password,
                ["Exporter__Status__RefreshInterval"] = $"{RefreshSeconds}s",
            },
            "--collector.docker", $"--collector.docker.host={Engine.Host}", $"--config.file={file}");
        Browser = new Browser();
    }

    /// <summary>Stops the Redis server for good (a database going away under the page).</summary>
    public async Task StopRedisAsync()
    {
        if (!_redisStopped)
        {
            _redisStopped = true;
            await Redis.DisposeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        Browser?.Dispose();
        Host?.Dispose();
        await StopRedisAsync();
        await Task.WhenAll(Engine.DisposeAsync(), Postgres.DisposeAsync());
        Directory.Delete(_config, recursive: true);
    }
}
