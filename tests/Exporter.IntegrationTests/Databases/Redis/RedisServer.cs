using System.Globalization;
using Exporter.Databases;
using Exporter.Databases.Redis;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Databases.Redis;

/// <summary>
/// A throwaway Redis 7 with requirepass on 127.0.0.1 and a free port, no persistence, plus an ACL
/// user that may only run INFO. Keys: five in db0 (three with a TTL), two in db2.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string Password = "redis-Pw-77421";
    public const string AclUser = "monitor";
    public const string AclPassword = "redis-Acl-Pw-31337";

    private ExternalProcess? _server;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("exporter-redis-").FullName;

    /// <summary>The port it listens on: a candidate, taken again when someone else bound it first.</summary>
    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        // --port 0 would turn TCP off, so a candidate port, and another when it was taken meanwhile.
        _server = await PortConflicts.RetryAsync(async port =>
        {
            var server = await PortConflicts.StartListeningAsync(
                Tools.Require("redis-server"),
                [
                    "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--requirepass", Password,
                    "--save", string.Empty, "--appendonly", "no", "--dir", Directory,
                ],
                "redis-server",
                port);
            Port = port;
            return server;
        });

        await CommandAsync("ACL", "SETUSER", AclUser, "on", ">" + AclPassword, "-@all", "+info");
        await CommandsAsync(
            ["SET", "a", "1"], ["SET", "b", "2"], ["SET", "c", "3", "EX", "3600"], ["SET", "d", "4", "EX", "3600"], ["SET", "e", "5", "PX", "3600000"],
            ["SELECT", "2"], ["SET", "x", "1"], ["RPUSH", "y", "1", "2", "3"]);
    }

    /// <summary>Runs commands on one fresh connection, authenticated as the default user; an error reply throws.</summary>
    internal async Task<RespValue> CommandsAsync(params string[][] commands)
    {
        using var connection = await RedisConnection.OpenAsync(new RedisTargetOptions { Port = Port, Password = Password }, CancellationToken.None);
        RespValue reply = new(RespKind.SimpleString);
        foreach (var command in commands)
        {
            reply = await connection.CommandAsync(CancellationToken.None, command);
            if (reply.IsError)
            {
                throw new InvalidOperationException($"{command[0]}: {reply.Text}");
            }
        }

        return reply;
    }

    internal Task<RespValue> CommandAsync(params string[] command) => CommandsAsync(command);

    public Task DisposeAsync()
    {
        _server?.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}
