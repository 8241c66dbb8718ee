using System.Globalization;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Text;

namespace Exporter.Databases.MongoDb;

/// <summary>
/// The client side of SCRAM-SHA-256 (RFC 5802 with SHA-256, RFC 7677), without channel binding
/// ("n,,"). MongoDB uses it as is: the password is SASLprep'd, not pre-hashed as with SCRAM-SHA-1.
/// One instance is one conversation: <see cref="ClientFirstMessage"/>, then
/// <see cref="ClientFinalMessage"/> for the server-first message, then
/// <see cref="VerifyServerFinal"/>, which proves the server knew the password too.
/// </summary>
internal sealed class ScramSha256Client
{
    /// <summary>RFC 5802 §5.1: at least 4096. The cap keeps a hostile server from pinning a core.</summary>
    private const int MinIterations = 4096;
    private const int MaxIterations = 1_000_000;

    private readonly string _password;
    private readonly string _clientNonce;
    private readonly string _clientFirstBare;
    private byte[]? _expectedServerSignature;

    public ScramSha256Client(string username, string password, string? clientNonce = null)
    {
        _password = password;
        _clientNonce = clientNonce ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

        // RFC 5802 §5.1: "=" and "," in the user name are escaped as =3D and =2C.
        var user = username.Replace("=", "=3D", StringComparison.Ordinal).Replace(",", "=2C", StringComparison.Ordinal);
        _clientFirstBare = $"n={user},r={_clientNonce}";
    }

    /// <summary>gs2-header "n,," (no channel binding, no authzid) followed by the bare message.</summary>
    public string ClientFirstMessage => "n,," + _clientFirstBare;

    public string ClientFinalMessage(string serverFirst)
    {
        var attributes = ParseAttributes(serverFirst);
        if (attributes.TryGetValue('e', out var error))
        {
            throw new AuthenticationException($"scram: server error '{error}'");
        }

        if (attributes.ContainsKey('m'))
        {
            throw new AuthenticationException("scram: server requires an extension this client does not know");
        }

        var nonce = Required(attributes, 'r');
        if (!nonce.StartsWith(_clientNonce, StringComparison.Ordinal) || nonce.Length == _clientNonce.Length)
        {
            throw new AuthenticationException("scram: server nonce does not extend the client nonce");
        }

        byte[] salt;
        try
        {
            salt = Convert.FromBase64String(Required(attributes, 's'));
        }
        catch (FormatException)
        {
            throw new AuthenticationException("scram: salt is not base64");
        }

        if (!int.TryParse(Required(attributes, 'i'), NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations is < MinIterations or > MaxIterations)
        {
            throw new AuthenticationException($"scram: iteration count must be {MinIterations}..{MaxIterations}");
        }

        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(SaslPrep.Prepare(_password)), salt, iterations, HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        var storedKey = SHA256.HashData(clientKey);
        var withoutProof = $"c=biws,r={nonce}"; // "biws" is base64("n,,"), the gs2-header
        var authMessage = Encoding.UTF8.GetBytes($"{_clientFirstBare},{serverFirst},{withoutProof}");

        var proof = HMACSHA256.HashData(storedKey, authMessage);
        for (var i = 0; i < proof.Length; i++)
        {
            proof[i] ^= clientKey[i];
        }

        _expectedServerSignature = HMACSHA256.HashData(HMACSHA256.HashData(salted, "Server Key"u8), authMessage);
        return $"{withoutProof},p={Convert.ToBase64String(proof)}";
    }

    /// <summary>Checks "v=ServerSignature"; a server that cannot produce it does not know the password.</summary>
    public void VerifyServerFinal(string serverFinal)
    {
        var expected = _expectedServerSignature ?? throw new InvalidOperationException("scram: server-final before client-final");
        var attributes = ParseAttributes(serverFinal);
        if (attributes.TryGetValue('e', out var error))
        {
            throw new AuthenticationException($"scram: server error '{error}'");
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(Required(attributes, 'v'));
        }
        catch (FormatException)
        {
            throw new AuthenticationException("scram: server signature is not base64");
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, expected))
        {
            throw new AuthenticationException("scram: server signature does not match; the server does not know the password");
        }
    }

    // "a=value,b=value": single-letter attribute names; values may contain "=" (base64).
    private static Dictionary<char, string> ParseAttributes(string message)
    {
        var attributes = new Dictionary<char, string>();
        foreach (var part in message.Split(','))
        {
            if (part.Length < 2 || part[1] != '=')
            {
                throw new AuthenticationException("scram: malformed server message");
            }

            attributes.TryAdd(part[0], part[2..]);
        }

        return attributes;
    }

    private static string Required(Dictionary<char, string> attributes, char name) =>
        attributes.TryGetValue(name, out var value) ? value : throw new AuthenticationException($"scram: server message lacks '{name}='");
}
