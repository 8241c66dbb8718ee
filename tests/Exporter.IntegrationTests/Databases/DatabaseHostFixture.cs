using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Exporter.IntegrationTests.Databases.Postgres;
using Exporter.IntegrationTests.Databases.Redis;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Databases;

/// <summary>
/// Real PostgreSQL and Redis servers, and our host scraping them through a --config.file with good
/// and bad targets of each kind: wrong password, a refused port, and a listener that accepts TCP and
/// never answers. One Redis target comes from environment variables instead of the file.
/// </summary>
public sealed class DatabaseHostFixture : IAsyncLifetime
{
    public const string WrongPostgresPassword = "WrongPg-Secret-90210";
    public const string WrongRedisPassword = "WrongRedis-Secret-13579";

    // Accepts connections (the kernel completes the handshake) and never reads or writes.
    private readonly TcpListener _silent = new(IPAddress.Loopback, 0);

    // Bound, never listening: connections are refused, and no other test can take the port.
    private readonly HeldPort _refused = new();

    public PostgresServer Postgres { get; } = new();

    public RedisServer Redis { get; } = new();

    public HostProcess Host { get; private set; } = null!;

    public string ConfigDirectory { get; } = Directory.CreateTempSubdirectory("exporter-dbconf-").FullName;

    public static IEnumerable<string> Secrets =>
    [
        PostgresServer.AdminPassword, PostgresServer.ExporterPassword, RedisServer.Password, RedisServer.AclPassword,
        WrongPostgresPassword, WrongRedisPassword,
    ];

    public async Task InitializeAsync()
    {
        _silent.Start();
        var silentPort = ((IPEndPoint)_silent.LocalEndpoint).Port;
        var refusedPort = _refused.Port;
        await Task.WhenAll(Postgres.InitializeAsync(), Redis.InitializeAsync());

        var pgSecret = Path.Join(ConfigDirectory, "pg-password");
        await File.WriteAllTextAsync(pgSecret, PostgresServer.ExporterPassword + "\n");
        var config = Path.Join(ConfigDirectory, "databases.yml");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            postgres:
              - name: main
                port: {Postgres.Port}
                user: exporter
                password_file: {pgSecret}
                ssl_mode: disable
              - name: badpw
                port: {Postgres.Port}
                user: exporter
                password: {WrongPostgresPassword}
                ssl_mode: disable
              - name: refused
                port: {refusedPort}
                user: exporter
                password_file: {pgSecret}
              - name: silent
                port: {silentPort}
                user: exporter
                password_file: {pgSecret}
                timeout: 1s
            redis:
              - name: cache
                port: {Redis.Port}
                password_env: TEST_REDIS_PASSWORD
              - name: badpw
                port: {Redis.Port}
                password: {WrongRedisPassword}
              - name: refused
                port: {refusedPort}
              - name: silent
                port: {silentPort}
                timeout: 1s
            """));

        // The ACL target comes from the environment, the way appsettings.json would give it.
        Host = await HostProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["TEST_REDIS_PASSWORD"] = RedisServer.Password,
                ["TEST_REDIS_ACL_PASSWORD"] = RedisServer.AclPassword,
                ["Exporter__Databases__Redis__0__Name"] = "acl",
                ["Exporter__Databases__Redis__0__Port"] = Redis.Port.ToString(CultureInfo.InvariantCulture),
                ["Exporter__Databases__Redis__0__User"] = RedisServer.AclUser,
                ["Exporter__Databases__Redis__0__PasswordEnv"] = "TEST_REDIS_ACL_PASSWORD",
            },
            $"--config.file={config}");
    }

    public async Task<List<Series>> ScrapeAsync() => Series.Parse(await Host.GetMetricsAsync());

    public async Task DisposeAsync()
    {
        Host?.Dispose();
        _silent.Dispose();
        _refused.Dispose();
        await Task.WhenAll(Postgres.DisposeAsync(), Redis.DisposeAsync());
        Directory.Delete(ConfigDirectory, recursive: true);
    }
}
