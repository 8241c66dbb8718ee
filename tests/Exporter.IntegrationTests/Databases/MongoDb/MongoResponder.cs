using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Exporter.IntegrationTests.Databases.MongoDb.StandIn;

namespace Exporter.IntegrationTests.Databases.MongoDb;

/// <summary>Figures one database reports through dbStats.</summary>
internal sealed record FakeDatabase(string Name, int Collections, long Objects, double DataSize, double StorageSize, double IndexSize);

/// <summary>
/// A MongoDB server stand-in built from the protocol specifications, since no MongoDB server is
/// packaged here: OP_MSG over TCP, hello, SCRAM-SHA-256 as the server side of RFC 5802/7677 (it
/// checks the client's proof against the stored key and signs with the server key), and
/// listDatabases, dbStats and serverStatus replies shaped like MongoDB 7.0's. Commands other than
/// hello and the SASL ones need authentication, as on a server with access control on.
/// </summary>
internal sealed class MongoResponder : IAsyncDisposable
{
    private const int Iterations = 15000; // MongoDB's default scramSHA256IterationCount

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<TcpClient> _clients = [];
    private readonly string _user;
    private readonly byte[] _salt = RandomNumberGenerator.GetBytes(16);
    private readonly byte[] _storedKey;
    private readonly byte[] _serverKey;
    private readonly IReadOnlyList<FakeDatabase> _databases;
    private readonly Task _acceptLoop;
    private int _connections;

    public MongoResponder(string user, string password, params FakeDatabase[] databases)
    {
        _user = user;
        _databases = databases;
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), _salt, Iterations, HashAlgorithmName.SHA256, 32);
        _storedKey = SHA256.HashData(HMACSHA256.HashData(salted, "Client Key"u8));
        _serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The database the user is defined in; authentication anywhere else fails, as it does on mongod.</summary>
    public string AuthDatabase { get; init; } = "admin";

    /// <summary>When set, connections are TLS with this certificate (net.tls.mode requireTLS).</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>TCP connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Every command name received, in order, across connections.</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>Closes every open connection, as a server restart would.</summary>
    public void DropConnections()
    {
        while (_clients.TryTake(out var client))
        {
            client.Dispose();
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _clients.Add(client);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var session = new Session();
        var requestId = 0;
        try
        {
            Stream stream = client.GetStream();
            if (Certificate is not null)
            {
                var ssl = new SslStream(stream);
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate }, _stop.Token);
                stream = ssl;
            }

            while (!_stop.IsCancellationRequested)
            {
                var request = await OpMsgCodec.ReadAsync(stream, _stop.Token);
                var reply = Handle(request, session);
                await stream.WriteAsync(
                    request.Legacy ? OpQueryCodec.EncodeReply(++requestId, request.RequestId, reply) : OpMsgCodec.Encode(++requestId, request.RequestId, reply),
                    _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException or AuthenticationException or FormatException)
        {
        }
        finally
        {
            client.Dispose();
        }
    }

    private BsonDocument Handle(OpMsg request, Session session)
    {
        var body = request.Body;
        var command = body[0].Key;
        Commands.Enqueue(command);
        var database = body.GetString("$db");
        if (database is null)
        {
            // As mongod: every OP_MSG command names its database (an OP_QUERY names it in its collection).
            return Error("OP_MSG requests require a $db argument", 40571, "Location40571");
        }

        if (request.Legacy && command is not ("hello" or "isMaster" or "ismaster" or "saslStart" or "saslContinue"))
        {
            return Error($"Unsupported OP_QUERY command: {command}", 352, "UnsupportedOpQueryCommand");
        }

        return command switch
        {
            "hello" or "isMaster" or "ismaster" => Hello(),
            "saslStart" or "saslContinue" when database != AuthDatabase => Error("Authentication failed.", 18, "AuthenticationFailed"),
            "saslStart" => SaslStart(body, session),
            "saslContinue" => SaslContinue(body, session),
            "ping" or "endSessions" => Ok(new BsonDocument()),
            _ when !session.Authenticated => Error($"command {command} requires authentication", 13, "Unauthorized"),
            "listDatabases" => ListDatabases(),
            "dbStats" => DbStats(database),
            "serverStatus" => ServerStatus(),
            _ => Error($"no such command: '{command}'", 59, "CommandNotFound"),
        };
    }

    private BsonDocument Hello() => Ok(new BsonDocument("helloOk", true)
        .With("isWritablePrimary", true)
        .With("maxBsonObjectSize", 16 * 1024 * 1024)
        .With("maxMessageSizeBytes", 48_000_000)
        .With("maxWriteBatchSize", 100_000)
        .With("localTime", DateTimeOffset.UtcNow)
        .With("logicalSessionTimeoutMinutes", 30)
        .With("connectionId", Connections)
        .With("minWireVersion", 0)
        .With("maxWireVersion", 21)
        .With("readOnly", false));

    // RFC 5802 §3, server side. The client-first is "n,,n=user,r=nonce".
    private BsonDocument SaslStart(BsonDocument body, Session session)
    {
        if (body.GetString("mechanism") != "SCRAM-SHA-256")
        {
            return Error("Received authentication for mechanism " + body.GetString("mechanism") + " which is unknown or not enabled", 2, "BadValue");
        }

        var clientFirst = Payload(body);
        if (!clientFirst.StartsWith("n,,", StringComparison.Ordinal))
        {
            return Error("Authentication failed.", 18, "AuthenticationFailed");
        }

        session.ClientFirstBare = clientFirst[3..];
        var attributes = Attributes(session.ClientFirstBare);
        session.User = attributes.GetValueOrDefault('n');
        session.Nonce = attributes.GetValueOrDefault('r') + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        session.ServerFirst = $"r={session.Nonce},s={Convert.ToBase64String(_salt)},i={Iterations}";
        session.SkipEmptyExchange = body.GetDocument("options")?["skipEmptyExchange"] is true;
        return Ok(new BsonDocument("conversationId", 1).With("done", false).With("payload", Binary(session.ServerFirst)));
    }

    private BsonDocument SaslContinue(BsonDocument body, Session session)
    {
        if (session.ServerSignature is not null)
        {
            // The empty closing step, for clients that did not ask to skip it.
            session.Authenticated = true;
            return Ok(new BsonDocument("conversationId", 1).With("done", true).With("payload", Binary(string.Empty)));
        }

        var clientFinal = Payload(body);
        var proofAt = clientFinal.LastIndexOf(",p=", StringComparison.Ordinal);
        if (proofAt < 0 || session.ServerFirst is null)
        {
            return Error("Authentication failed.", 18, "AuthenticationFailed");
        }

        var withoutProof = clientFinal[..proofAt];
        var authMessage = Encoding.UTF8.GetBytes($"{session.ClientFirstBare},{session.ServerFirst},{withoutProof}");
        var proof = Convert.FromBase64String(clientFinal[(proofAt + 3)..]);
        var clientKey = HMACSHA256.HashData(_storedKey, authMessage);
        for (var i = 0; i < clientKey.Length && i < proof.Length; i++)
        {
            clientKey[i] ^= proof[i];
        }

        if (session.User != _user || withoutProof != $"c=biws,r={session.Nonce}"
            || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(clientKey), _storedKey))
        {
            return Error("Authentication failed.", 18, "AuthenticationFailed");
        }

        session.ServerSignature = Convert.ToBase64String(HMACSHA256.HashData(_serverKey, authMessage));
        session.Authenticated = session.SkipEmptyExchange;
        return Ok(new BsonDocument("conversationId", 1).With("done", session.SkipEmptyExchange).With("payload", Binary("v=" + session.ServerSignature)));
    }

    private BsonDocument ListDatabases()
    {
        var list = new BsonArray(_databases.Select(d => (object?)new BsonDocument("name", d.Name)
            .With("sizeOnDisk", (long)(d.StorageSize + d.IndexSize))
            .With("empty", d.Objects == 0)));
        return Ok(new BsonDocument("databases", list)
            .With("totalSize", _databases.Sum(d => d.StorageSize + d.IndexSize))
            .With("totalSizeMb", 0L));
    }

    // MongoDB 7.0 answers collections as int32, objects as int32 or int64, and the sizes as doubles.
    private BsonDocument DbStats(string name)
    {
        var d = _databases.FirstOrDefault(x => x.Name == name) ?? new FakeDatabase(name, 0, 0, 0, 0, 0);
        return Ok(new BsonDocument("db", d.Name)
            .With("collections", d.Collections)
            .With("views", 0)
            .With("objects", d.Objects)
            .With("avgObjSize", d.Objects == 0 ? 0.0 : d.DataSize / d.Objects)
            .With("dataSize", d.DataSize)
            .With("storageSize", d.StorageSize)
            .With("indexes", d.Collections)
            .With("indexSize", d.IndexSize)
            .With("totalSize", d.StorageSize + d.IndexSize)
            .With("scaleFactor", 1)
            .With("fsUsedSize", 1e10)
            .With("fsTotalSize", 5e10));
    }

    private BsonDocument ServerStatus() => Ok(new BsonDocument("host", "responder")
        .With("version", "7.0.14")
        .With("process", "mongod")
        .With("pid", 4242L)
        .With("uptime", 3600.0)
        .With("uptimeMillis", 3_600_000L)
        .With("localTime", DateTimeOffset.UtcNow)
        .With("asserts", new BsonDocument("regular", 0).With("warning", 0))
        .With("connections", new BsonDocument("current", 3)
            .With("available", 838857)
            .With("totalCreated", Connections)
            .With("rejected", 0)
            .With("active", 1)
            .With("exhaustHello", 0))
        .With("electionMetrics", new BsonDocument("stepUpCmd", new BsonDocument("called", 0L)))
        .With("opcounters", new BsonDocument("insert", 10L).With("query", 20L)));

    private static BsonDocument Ok(BsonDocument reply) => reply.With("ok", 1.0);

    private static BsonDocument Error(string message, int code, string codeName) =>
        new BsonDocument("ok", 0.0).With("errmsg", message).With("code", code).With("codeName", codeName);

    private static string Payload(BsonDocument body) => body["payload"] is BsonBinary b ? Encoding.UTF8.GetString(b.Data) : string.Empty;

    private static BsonBinary Binary(string text) => new(0, Encoding.UTF8.GetBytes(text));

    private static Dictionary<char, string> Attributes(string message) =>
        message.Split(',').Where(p => p.Length >= 2 && p[1] == '=').ToDictionary(p => p[0], p => p[2..]);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        DropConnections();
        await _acceptLoop;
        _stop.Dispose();
    }

    private sealed class Session
    {
        public string? ClientFirstBare { get; set; }
        public string? User { get; set; }
        public string? Nonce { get; set; }
        public string? ServerFirst { get; set; }
        public string? ServerSignature { get; set; }
        public bool SkipEmptyExchange { get; set; }
        public bool Authenticated { get; set; }
    }
}
