using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Exporter.Databases.MongoDb;

/// <summary>
/// One connection to a MongoDB server, speaking OP_MSG. Opening it connects (optionally with TLS),
/// sends <c>hello</c> and authenticates with SCRAM-SHA-256. Not thread-safe: one command at a time.
/// Every call takes a token; after a cancelled or failed call the connection's state is unknown and
/// the caller must dispose it.
/// </summary>
internal sealed class MongoConnection : IAsyncDisposable, IDisposable
{
    /// <summary>OP_MSG arrived with wire version 6 (MongoDB 3.6).</summary>
    private const int MinWireVersion = 6;

    private readonly TcpClient _tcp;
    private readonly Stream _stream;
    private int _lastRequestId;

    private MongoConnection(TcpClient tcp, Stream stream)
    {
        _tcp = tcp;
        _stream = stream;
    }

    public static async Task<MongoConnection> OpenAsync(
        string host, int port, bool tls, X509Certificate2Collection? trustedCa, string? username, string? password, string authDatabase,
        CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        Stream? stream = null;
        try
        {
            await tcp.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            stream = tcp.GetStream();
            if (tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                var authentication = new SslClientAuthenticationOptions { TargetHost = host };
                if (trustedCa is not null)
                {
                    // A private CA, as MongoDB deployments often use: trust it alone, not the system store.
                    // The host name is still checked against the certificate.
                    authentication.CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust };
                    authentication.CertificateChainPolicy.CustomTrustStore.AddRange(trustedCa);
                }

                await ssl.AuthenticateAsClientAsync(authentication, cancellationToken).ConfigureAwait(false);
            }

            var connection = new MongoConnection(tcp, stream);
            var hello = await connection.RunCommandAsync(new BsonDocument("hello", 1), "admin", cancellationToken).ConfigureAwait(false);
            if ((hello.GetNumber("maxWireVersion") ?? 0) < MinWireVersion)
            {
                throw new MongoException($"server speaks wire version {hello.GetNumber("maxWireVersion") ?? 0}; OP_MSG needs {MinWireVersion} (MongoDB 3.6)");
            }

            if (username is not null)
            {
                await connection.AuthenticateAsync(username, password ?? string.Empty, authDatabase, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            tcp.Dispose();
            throw;
        }
    }

    /// <summary>Runs a command on <paramref name="database"/> and returns its reply; a reply with ok 0 throws.</summary>
    public async Task<BsonDocument> RunCommandAsync(BsonDocument command, string database, CancellationToken cancellationToken)
    {
        var requestId = ++_lastRequestId;
        var message = new BsonDocument();
        message.AddRange(command);
        message.Add("$db", database);

        await _stream.WriteAsync(OpMsgCodec.Encode(requestId, 0, message), cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        var reply = await OpMsgCodec.ReadAsync(_stream, cancellationToken).ConfigureAwait(false);
        if (reply.ResponseTo != requestId)
        {
            throw new MongoException($"reply answers request {reply.ResponseTo}, expected {requestId}");
        }

        if (!reply.Body.IsOk)
        {
            var code = reply.Body.GetNumber("code");
            throw new MongoException($"{command[0].Key} failed: {reply.Body.GetString("errmsg") ?? "no errmsg"}{(code is null ? "" : $" (code {code})")}");
        }

        return reply.Body;
    }

    // MongoDB's SASL conversation (the authentication spec of the drivers): saslStart carries the
    // client-first message as binary "payload"; saslContinue, with the server's conversationId,
    // the client-final. skipEmptyExchange lets the server finish in that step (done: true) instead
    // of waiting for one more empty saslContinue, which is sent only if it did not.
    private async Task AuthenticateAsync(string username, string password, string database, CancellationToken cancellationToken)
    {
        var scram = new ScramSha256Client(username, password);
        var start = new BsonDocument("saslStart", 1)
            .With("mechanism", "SCRAM-SHA-256")
            .With("payload", Payload(scram.ClientFirstMessage))
            .With("autoAuthorize", 1)
            .With("options", new BsonDocument("skipEmptyExchange", true));
        var reply = await RunCommandAsync(start, database, cancellationToken).ConfigureAwait(false);

        var clientFinal = scram.ClientFinalMessage(Text(reply));
        reply = await RunCommandAsync(Continue(reply, clientFinal), database, cancellationToken).ConfigureAwait(false);
        scram.VerifyServerFinal(Text(reply));

        if (reply["done"] is not true)
        {
            reply = await RunCommandAsync(Continue(reply, string.Empty), database, cancellationToken).ConfigureAwait(false);
            if (reply["done"] is not true)
            {
                throw new AuthenticationException("scram: server did not finish the conversation");
            }
        }
    }

    private static BsonDocument Continue(BsonDocument reply, string payload) =>
        new BsonDocument("saslContinue", 1)
            .With("conversationId", reply["conversationId"] ?? throw new MongoException("sasl reply lacks conversationId"))
            .With("payload", Payload(payload));

    private static BsonBinary Payload(string text) => new(0, Encoding.UTF8.GetBytes(text));

    private static string Text(BsonDocument reply) => reply["payload"] is BsonBinary binary
        ? Encoding.UTF8.GetString(binary.Data)
        : throw new MongoException("sasl reply lacks a binary payload");

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _tcp.Dispose();
    }

    public void Dispose()
    {
        _stream.Dispose();
        _tcp.Dispose();
    }
}

/// <summary>A MongoDB protocol or command error. Its message never holds a secret.</summary>
internal sealed class MongoException(string message) : Exception(message);
