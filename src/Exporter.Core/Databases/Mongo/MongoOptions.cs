using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Exporter.Core.Databases.Mongo;

/// <summary>
/// MongoDB servers to scrape (configuration <c>Exporter:mongodb</c>). With no targets the collector
/// emits nothing.
/// </summary>
public sealed class MongoOptions
{
    internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(4);

    /// <summary>The servers, each scraped concurrently and labelled with its <see cref="MongoTargetOptions.Name"/>.</summary>
    public IList<MongoTargetOptions> Targets { get; } = [];

    /// <summary>
    /// How long one target may take (connect, TLS, authentication and every command together) before
    /// it is reported as mongodb_up 0. Keep it below --collector.timeout so the others still report.
    /// </summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;
}

/// <summary>One MongoDB server. The password is read from a file or an environment variable, never from the configuration itself.</summary>
public sealed class MongoTargetOptions
{
    internal const int DefaultPort = 27017;

    /// <summary>The value of the <c>target</c> label.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>host:port (port 27017 when left out); IPv6 as [::1]:27017.</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>User for SCRAM-SHA-256; none means no authentication.</summary>
    public string? Username { get; set; }

    /// <summary>File holding the password (a trailing line break is ignored); read at every (re)connection.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Environment variable holding the password.</summary>
    public string? PasswordEnv { get; set; }

    /// <summary>Database the user is defined in.</summary>
    public string AuthDatabase { get; set; } = "admin";

    /// <summary>Connect with TLS, checking the server's certificate against the system's trust store and the host name.</summary>
    public bool Tls { get; set; }

    /// <summary>PEM file with the CA certificate(s) to trust for <see cref="Tls"/> instead of the system's store.</summary>
    public string? TlsCaFile { get; set; }

    /// <summary>Host and port of <see cref="Address"/>; throws <see cref="FormatException"/> when it is not host[:port].</summary>
    internal (string Host, int Port) ParseAddress()
    {
        var address = Address.Trim();
        string host;
        string? port = null;
        if (address.StartsWith('['))
        {
            var close = address.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < address.Length && address[close + 1] != ':'))
            {
                throw new FormatException($"mongodb target '{Name}': address '{Address}' is not [host]:port");
            }

            host = address[1..close];
            port = close + 1 < address.Length ? address[(close + 2)..] : null;
        }
        else
        {
            var colon = address.LastIndexOf(':');
            host = colon < 0 ? address : address[..colon];
            port = colon < 0 ? null : address[(colon + 1)..];
        }

        if (host.Length == 0 || host.Contains(':', StringComparison.Ordinal) && !address.StartsWith('['))
        {
            throw new FormatException($"mongodb target '{Name}': address '{Address}' is not host:port");
        }

        if (port is null)
        {
            return (host, DefaultPort);
        }

        return int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number is > 0 and < 65536
            ? (host, number)
            : throw new FormatException($"mongodb target '{Name}': port '{port}' is not 1..65535");
    }

    /// <summary>The CA certificates of <see cref="TlsCaFile"/>, read now (a renewed CA is picked up at the next connection).</summary>
    internal X509Certificate2Collection? ReadTlsCa()
    {
        if (TlsCaFile is null)
        {
            return null;
        }

        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(TlsCaFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new IOException($"TLS CA file '{TlsCaFile}' cannot be read: {e.Message}", e);
        }

        return certificates.Count > 0 ? certificates : throw new IOException($"TLS CA file '{TlsCaFile}' holds no certificate");
    }

    /// <summary>The password, read now (so a rotated secret is picked up at the next connection); null without a user.</summary>
    internal string? ReadPassword()
    {
        if (PasswordFile is not null)
        {
            try
            {
                return File.ReadAllText(PasswordFile).TrimEnd('\r', '\n');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The path is configuration, not a secret; the exception text holds nothing else.
                throw new IOException($"password file '{PasswordFile}' cannot be read: {e.GetType().Name}", e);
            }
        }

        if (PasswordEnv is not null)
        {
            return Environment.GetEnvironmentVariable(PasswordEnv)
                ?? throw new InvalidOperationException($"environment variable '{PasswordEnv}' is not set");
        }

        return null;
    }
}
