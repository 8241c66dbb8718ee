using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

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
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = options.TlsServerName ?? options.Host,
                        RemoteCertificateValidationCallback = (_, certificate, _, errors) => Validate(options, certificate, errors),
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

    private static bool Validate(RedisTargetOptions options, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (options.TlsInsecureSkipVerify || errors == SslPolicyErrors.None)
        {
            return true;
        }

        // With tls_ca_file the chain must end at one of its certificates; the name must match either way.
        if (options.TlsCaFile is null || certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(options.TlsCaFile);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
