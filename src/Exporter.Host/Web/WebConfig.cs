namespace Exporter.Host.Web;

/// <summary>
/// The web configuration file (--web.config.file), exporter-toolkit's schema as parsed: what the
/// file says, with relative paths made absolute. Certificates are read later (<see cref="WebConfigLoader"/>).
/// </summary>
internal sealed record WebConfig(
    TlsServerConfig? Tls,
    HttpServerConfig Http,
    RateLimitConfig RateLimit,
    IReadOnlyDictionary<string, BcryptHash> Users)
{
    /// <summary>No file: plain HTTP, no headers, no limit, no users.</summary>
    public static WebConfig Empty { get; } = new(null, new HttpServerConfig(Http2: true, new Dictionary<string, string>()), RateLimitConfig.Off, new Dictionary<string, BcryptHash>());
}

/// <summary>tls_server_config. Exactly one of each file/inline pair is set (the parser checks).</summary>
internal sealed record TlsServerConfig(
    string? CertFile,
    string? CertPem,
    string? KeyFile,
    string? KeyPem,
    string? ClientCaFile,
    string? ClientCaPem,
    ClientAuthType ClientAuth,
    IReadOnlyList<string> ClientAllowedSans,
    TlsVersion MinVersion,
    TlsVersion MaxVersion,
    IReadOnlyList<string> CipherSuites,
    bool PreferServerCipherSuites,
    IReadOnlyList<string> CurvePreferences)
{
    /// <summary>The files the TLS material comes from: a change to any of them is a reload.</summary>
    public IEnumerable<string> Files => new[] { CertFile, KeyFile, ClientCaFile }.OfType<string>();

    public bool HasClientCa => ClientCaFile is not null || ClientCaPem is not null;
}

/// <summary>http_server_config: HTTP/2 (with TLS only) and the extra response headers.</summary>
internal sealed record HttpServerConfig(bool Http2, IReadOnlyDictionary<string, string> Headers);

/// <summary>rate_limit: one token bucket for all clients, <paramref name="Burst"/> deep, one token per <paramref name="Interval"/>.</summary>
internal sealed record RateLimitConfig(TimeSpan Interval, int Burst)
{
    public static RateLimitConfig Off { get; } = new(TimeSpan.Zero, 0);

    /// <summary>An interval of 0 turns the limit off, as in exporter-toolkit.</summary>
    public bool Enabled => Interval > TimeSpan.Zero;
}

/// <summary>Go's tls.ClientAuthType, by exporter-toolkit's names.</summary>
internal enum ClientAuthType
{
    NoClientCert,
    RequestClientCert,
    RequireAnyClientCert,
    VerifyClientCertIfGiven,
    RequireAndVerifyClientCert,
}

/// <summary>TLS10 .. TLS13, ordered.</summary>
internal enum TlsVersion
{
    Tls10,
    Tls11,
    Tls12,
    Tls13,
}
