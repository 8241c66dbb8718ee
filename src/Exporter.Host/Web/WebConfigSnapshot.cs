using System.Security.Cryptography;

namespace Exporter.Host.Web;

/// <summary>
/// One loaded web configuration: the parsed file, its TLS material, the decoy hash for unknown
/// users, and the stamps of every file it was read from. Immutable; a reload builds a new one.
/// </summary>
internal sealed class WebConfigSnapshot
{
    private WebConfigSnapshot(WebConfig config, TlsSetup? tls, string? decoy, IReadOnlyList<FileStamp> stamps, IReadOnlyList<string> unsupported)
    {
        Config = config;
        Tls = tls;
        Decoy = decoy;
        Stamps = stamps;
        Unsupported = unsupported;
    }

    /// <summary>No file: plain HTTP with nothing but the hardened defaults.</summary>
    public static WebConfigSnapshot None { get; } = new(WebConfig.Empty, null, null, [], []);

    public WebConfig Config { get; }

    public TlsSetup? Tls { get; }

    /// <summary>
    /// A hash at the highest configured cost, compared against when the user is unknown, so an
    /// unknown user takes as long as the slowest known one (exporter-toolkit's fixed cost-10 decoy
    /// lets timing tell users with a higher cost apart: its open PR #445).
    /// </summary>
    public string? Decoy { get; }

    public IReadOnlyList<FileStamp> Stamps { get; }

    /// <summary>Settings .NET cannot honour, for the log.</summary>
    public IReadOnlyList<string> Unsupported { get; }

    public bool Changed => Stamps.Any(s => s.Changed);

    /// <summary>Reads the file and everything it names. Throws <see cref="WebConfigException"/>.</summary>
    public static WebConfigSnapshot Load(string path)
    {
        // Stamps first: a file that changes while being read is seen as changed next time.
        var stamps = new List<FileStamp> { FileStamp.Of(path) };
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WebConfigException($"cannot read the file: {e.Message}");
        }

        var config = WebConfigParser.Parse(text, Path.GetDirectoryName(Path.GetFullPath(path))!);
        stamps.AddRange((config.Tls?.Files ?? []).Select(FileStamp.Of));
        var tls = config.Tls is null ? null : TlsSetup.Load(config.Tls);
        var unsupported = config.Tls is null ? [] : TlsSetup.Unsupported(config.Tls).ToList();
        return new WebConfigSnapshot(config, tls, CreateDecoy(config.Users.Values), stamps, unsupported);
    }

    /// <summary>
    /// A well-formed hash of a random password at the highest cost: made at cost 4 (a millisecond),
    /// then given the high cost's two digits. Verifying against it costs what the high cost costs,
    /// and no password matches it.
    /// </summary>
    internal static string? CreateDecoy(IEnumerable<BcryptHash> hashes)
    {
        var cost = hashes.Select(h => h.Cost).DefaultIfEmpty(0).Max();
        if (cost == 0)
        {
            return null;
        }

        var cheap = BCrypt.Net.BCrypt.HashPassword(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), BcryptHash.MinCost);
        return $"$2b${cost:D2}{cheap[6..]}";
    }
}
