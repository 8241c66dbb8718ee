using System.Buffers.Text;
using System.Text;

namespace Exporter.Host.Web;

/// <summary>
/// HTTP basic auth against basic_auth_users, as exporter-toolkit checks it (web/handler.go), with
/// its known weaknesses fixed: a cache key that cannot be forged (<see cref="AuthCache"/>), and an
/// unknown user compared against a decoy at the highest configured cost, so the answer takes as
/// long as for the slowest real user. One bcrypt comparison runs at a time: each is deliberately
/// expensive, and parallel ones would let a few clients take every core.
/// </summary>
internal sealed class BasicAuthenticator(AuthCache cache, Func<string, string, bool>? verify = null) : IDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly SemaphoreSlim _bcrypt = new(1, 1);
    private readonly Func<string, string, bool> _verify = verify ?? ((password, hash) => BCrypt.Net.BCrypt.Verify(password, hash));
    private int _waiting;

    /// <summary>Requests queued behind the running bcrypt comparison.</summary>
    internal int Waiting => Volatile.Read(ref _waiting);

    /// <summary>True when the Authorization header holds a configured user and its password.</summary>
    public async ValueTask<bool> AuthenticateAsync(string? authorization, WebConfigSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (!TryParse(authorization, out var user, out var password))
        {
            return false;
        }

        var known = snapshot.Config.Users.TryGetValue(user, out var hash);
        var hashText = known ? hash!.Text : snapshot.Decoy!;
        var key = AuthCache.Key(user, hashText, password);
        if (cache.TryGet(key, out var accepted))
        {
            return accepted && known;
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            await _bcrypt.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        try
        {
            // A scrape that waited behind another with the same credentials finds its verdict now.
            if (cache.TryGet(key, out accepted))
            {
                return accepted && known;
            }

            accepted = _verify(password, hashText) && known;
        }
        finally
        {
            _bcrypt.Release();
        }

        cache.Set(key, accepted);
        return accepted;
    }

    public void Dispose() => _bcrypt.Dispose();

    /// <summary>"Basic base64(user:password)", the scheme in any case, split at the first ':' (RFC 7617, Go's Request.BasicAuth).</summary>
    internal static bool TryParse(string? header, out string user, out string password)
    {
        user = password = string.Empty;
        const string Scheme = "Basic ";
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var encoded = Encoding.ASCII.GetBytes(header[Scheme.Length..]);
        if (Base64.DecodeFromUtf8InPlace(encoded, out var length) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(encoded, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        (user, password) = (text[..colon], text[(colon + 1)..]);
        return true;
    }
}
