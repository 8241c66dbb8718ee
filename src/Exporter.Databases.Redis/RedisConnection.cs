using System.Net.Security;
using System.Net.Sockets;
using Exporter.Core.Security;

namespace Exporter.Databases.Redis;

/// <summary>
/// One open connection to a Redis server: TCP, optionally TLS, authenticated with AUTH (password,
/// or ACL user and password, https://redis.io/docs/latest/commands/auth/). Commands are sent one at
/// a time; the caller drops the connection after any error, since the stream's position in the
/// reply sequence is then unknown.
/// </summary>
internal sealed class RedisConnection : IDisposable
{
    private readonly Stream _stream;
    private readonly RespReader _reader;

    private RedisConnection(Stream stream)
    {
        _stream = stream;
        _reader = new RespReader(stream);
    }

    public static async Task<RedisConnection> OpenAsync(RedisTargetOptions options, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, cancellationToken);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (options.Tls)
            {
                // tls_ca_file's CAs instead of the system's roots; read for every connection, so a renewed CA is picked up.
                var authorities = options.TlsCaFile is { } caFile && !options.TlsInsecureSkipVerify ? PrivateCertificateAuthority.Load(caFile) : null;
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = options.TlsServerName ?? options.Host,
                        RemoteCertificateValidationCallback = (_, certificate, chain, errors) => options.TlsInsecureSkipVerify
                            || (authorities is null ? errors == SslPolicyErrors.None : PrivateCertificateAuthority.Validate(authorities, certificate, chain, errors)),
                    },
                    cancellationToken);
            }

            var connection = new RedisConnection(stream);
            if (Secret.Resolve(options) is { } password)
            {
                // The reply, not the command, goes into the error: the command holds the password.
                var reply = await connection.CommandAsync(cancellationToken, options.User is { } user ? ["AUTH", user, password] : ["AUTH", password]);
                if (reply.IsError)
                {
                    throw new IOException($"AUTH failed: {reply.Text}");
                }
            }

            return connection;
        }
        catch
        {
            stream?.Dispose();
            socket.Dispose();
            throw;
        }
    }

    public async Task<RespValue> CommandAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        await _stream.WriteAsync(RespWriter.Encode(arguments), cancellationToken);
        await _stream.FlushAsync(cancellationToken);
        return await _reader.ReadAsync(cancellationToken);
    }

    public void Dispose() => _stream.Dispose();

}
