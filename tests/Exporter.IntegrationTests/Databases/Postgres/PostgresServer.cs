using System.Diagnostics;
using Exporter.TestSupport;
using Npgsql;

namespace Exporter.IntegrationTests.Databases.Postgres;

/// <summary>
/// A throwaway PostgreSQL 15 cluster: initdb into a temporary directory, postgres on 127.0.0.1 and a
/// free port (unix socket in the same directory), password authentication over TCP. PostgreSQL
/// refuses to run as root, so under root it runs as the postgres system user the package creates.
/// Holds three idle connections to app2 open for the tests to count.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string AdminPassword = "pgAdmin-Pw-81723";
    public const string ExporterPassword = "pgExporter-Pw-55123";
    public const int HeldConnections = 3;
    public const int Rows = 20000;

    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly List<NpgsqlConnection> _held = [];
    private ExternalProcess? _server;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("exporter-pg-").FullName;

    /// <summary>The port it listens on: a candidate, taken again when someone else bound it first.</summary>
    public int Port { get; private set; }

    private string Data => Path.Join(Directory, "data");

    public async Task InitializeAsync()
    {
        var initdb = Tools.Require("initdb", $"{Bin}/initdb");
        var postgres = Tools.Require("postgres", $"{Bin}/postgres");
        var pwfile = Path.Join(Directory, "pwfile");
        await File.WriteAllTextAsync(pwfile, AdminPassword);
        if (Environment.IsPrivilegedProcess)
        {
            Run("chown", "-R", "postgres:postgres", Directory);
        }

        Run(AsPostgres(initdb, "-D", Data, "-U", "postgres", "-E", "UTF8", "--no-sync", "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile", pwfile));

        // Port 0 is not a port to PostgreSQL: a candidate, and another when it was taken meanwhile
        // ("could not bind IPv4 address ...: Address already in use").
        _server = await PortConflicts.RetryAsync(async port =>
        {
            var (file, args) = AsPostgres(postgres, "-D", Data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", Directory,
                "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=50");
            var server = await PortConflicts.StartListeningAsync(file, args, "postgres", port);
            Port = port;
            return server;
        });

        // Listening comes before accepting logins (recovery): wait for a connection to succeed.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var probe = await OpenAsync();
                break;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline && !_server.HasExited)
            {
                await Task.Delay(200);
            }
        }

        await ExecuteAsync("postgres", $"CREATE ROLE exporter LOGIN PASSWORD '{ExporterPassword}' IN ROLE pg_monitor");
        await ExecuteAsync("postgres", "CREATE DATABASE app1");
        await ExecuteAsync("postgres", "CREATE DATABASE app2");
        await ExecuteAsync("app1", $"CREATE TABLE items (id int PRIMARY KEY, body text); INSERT INTO items SELECT i, md5(i::text) || md5((i * 7)::text) FROM generate_series(1, {Rows}) i");
        for (var i = 0; i < HeldConnections; i++)
        {
            _held.Add(await OpenAsync("app2"));
        }
    }

    public async Task<NpgsqlConnection> OpenAsync(string database = "postgres")
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Password = AdminPassword,
            Database = database,
            Pooling = false,
            Timeout = 5,
        }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async Task ExecuteAsync(string database, string sql) => await ScalarAsync(database, sql);

    public async Task DisposeAsync()
    {
        foreach (var connection in _held)
        {
            await connection.DisposeAsync();
        }

        if (_server is not null)
        {
            // SIGINT is PostgreSQL's fast shutdown; the postmaster's PID is the first line of postmaster.pid.
            var pidFile = Path.Join(Data, "postmaster.pid");
            if (File.Exists(pidFile))
            {
                Run("kill", "-INT", File.ReadLines(pidFile).First());
                _server.WaitForExit(TimeSpan.FromSeconds(15));
            }

            _server.Dispose();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static (string File, string[] Args) AsPostgres(string file, params string[] args) =>
        Environment.IsPrivilegedProcess ? (Tools.Require("runuser"), ["-u", "postgres", "--", file, .. args]) : (file, args);

    private static void Run((string File, string[] Args) command) => Run(command.File, command.Args);

    private static void Run(string file, params string[] args)
    {
        using var process = new ExternalProcess(file, args);
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {process.Output}");
        }
    }
}
