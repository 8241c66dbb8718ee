using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Exporter.Host.Web;

/// <summary>
/// The TLS side of one loaded configuration: the server certificate (with the intermediates from
/// the same PEM), the client CA and the policy for client certificates, turned into the options
/// SslStream takes for each handshake. Certificates are read and checked here, so a missing file,
/// a key that does not match or a CA file without a certificate stops the load.
/// </summary>
internal sealed class TlsSetup
{
    private readonly SslStreamCertificateContext _certificate;
    private readonly SslProtocols _protocols;
    private readonly CipherSuitesPolicy? _ciphers;

    private TlsSetup(SslStreamCertificateContext certificate, ClientCertificatePolicy clientPolicy, SslProtocols protocols, CipherSuitesPolicy? ciphers, DateTime notAfter)
    {
        _certificate = certificate;
        ClientPolicy = clientPolicy;
        _protocols = protocols;
        _ciphers = ciphers;
        NotAfter = notAfter;
    }

    public ClientCertificatePolicy ClientPolicy { get; }

    /// <summary>When the server certificate expires (UTC).</summary>
    public DateTime NotAfter { get; }

    public static TlsSetup Load(TlsServerConfig config)
    {
        var certPem = config.CertFile is { } certFile ? ReadFile(certFile, "tls_server_config.cert_file") : config.CertPem!;
        var keyPem = config.KeyFile is { } keyFile ? ReadFile(keyFile, "tls_server_config.key_file") : config.KeyPem!;
        var (certKey, keyKey) = (config.CertFile is null ? "cert" : "cert_file", config.KeyFile is null ? "key" : "key_file");

        X509Certificate2 leaf;
        var chain = new X509Certificate2Collection();
        try
        {
            leaf = X509Certificate2.CreateFromPem(certPem, keyPem);
            chain.ImportFromPem(certPem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            // .NET's message may describe the input; ours names the keys only.
            throw new WebConfigException($"tls_server_config: {certKey} and {keyKey} are not a PEM certificate and its matching, unencrypted private key");
        }

        if (OperatingSystem.IsWindows())
        {
            // SChannel cannot use an ephemeral key; a PKCS#12 round trip gives it a persisted one.
            leaf = X509CertificateLoader.LoadPkcs12(leaf.Export(X509ContentType.Pkcs12), null);
        }

        var intermediates = new X509Certificate2Collection(chain.Skip(1).ToArray());
        var clientCas = LoadClientCas(config);
        var trust = clientCas is null ? null : SslCertificateTrust.CreateForX509Collection(clientCas, sendTrustInHandshake: !OperatingSystem.IsWindows());
        var context = SslStreamCertificateContext.Create(leaf, intermediates, offline: true, trust);
        var policy = new ClientCertificatePolicy(config.ClientAuth, clientCas, config.ClientAllowedSans);
        return new TlsSetup(context, policy, Protocols(config.MinVersion, config.MaxVersion), CipherPolicy(config.CipherSuites), leaf.NotAfter.ToUniversalTime());
    }

    /// <summary>Options for one handshake. ALPN offers h2 only when http2 is on.</summary>
    public SslServerAuthenticationOptions CreateOptions(bool http2) => new()
    {
        ServerCertificateContext = _certificate,
        EnabledSslProtocols = _protocols,
        CipherSuitesPolicy = _ciphers,
        ClientCertificateRequired = ClientPolicy.Mode != ClientAuthType.NoClientCert,
        RemoteCertificateValidationCallback = (_, certificate, chain, _) => ClientPolicy.Accepts(
            certificate as X509Certificate2 ?? (certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData())),
            chain?.ChainElements.Select(e => e.Certificate)),
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        AllowRenegotiation = false,
        ApplicationProtocols = http2 ? [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11] : [SslApplicationProtocol.Http11],
    };

    /// <summary>What the file asks for that .NET cannot do here; said once at start and at each reload.</summary>
    public static IEnumerable<string> Unsupported(TlsServerConfig config)
    {
        if (config.CurvePreferences.Count > 0)
        {
            yield return "tls_server_config.curve_preferences cannot be applied: .NET's TLS stack takes no list of curves, so the system's defaults are used (OpenSSL offers X25519, P-256, P-384 and P-521)";
        }

        if (config.CipherSuites.Count > 0 && !OperatingSystem.IsLinux())
        {
            yield return "tls_server_config.cipher_suites can only be applied on Linux; the system's default suites are used";
        }

        if (config.MinVersion < TlsVersion.Tls12)
        {
            yield return "tls_server_config.min_version allows TLS 1.0/1.1, but the system's OpenSSL policy may refuse them (Debian 12 sets MinProtocol TLSv1.2)";
        }

        if (!config.PreferServerCipherSuites)
        {
            yield return "tls_server_config.prefer_server_cipher_suites: false has no effect (Go ignores the setting too since 1.17)";
        }
    }

    private static X509Certificate2Collection? LoadClientCas(TlsServerConfig config)
    {
        if (!config.HasClientCa)
        {
            return null;
        }

        var key = config.ClientCaFile is null ? "client_ca" : "client_ca_file";
        var pem = config.ClientCaFile is { } file ? ReadFile(file, "tls_server_config.client_ca_file") : config.ClientCaPem!;
        var cas = new X509Certificate2Collection();
        try
        {
            cas.ImportFromPem(pem);
        }
        catch (CryptographicException)
        {
            throw new WebConfigException($"tls_server_config.{key} is not a PEM certificate bundle");
        }

        return cas.Count > 0 ? cas : throw new WebConfigException($"tls_server_config.{key} holds no PEM certificate");
    }

#pragma warning disable SYSLIB0039, CA5397 // TLS 1.0 and 1.1 are obsolete, but the toolkit's TLS10/TLS11 must still mean them.
    private static SslProtocols Protocols(TlsVersion min, TlsVersion max)
    {
        SslProtocols[] all = [SslProtocols.Tls, SslProtocols.Tls11, SslProtocols.Tls12, SslProtocols.Tls13];
        return all[(int)min..((int)max + 1)].Aggregate(SslProtocols.None, (a, b) => a | b);
    }
#pragma warning restore SYSLIB0039, CA5397

    /// <summary>
    /// The configured suites for TLS 1.2 and below, plus every TLS 1.3 suite: Go applies cipher_suites
    /// to TLS 1.2 and below only, and an OpenSSL list without TLS 1.3 suites would switch TLS 1.3 off.
    /// </summary>
    private static CipherSuitesPolicy? CipherPolicy(IReadOnlyList<string> names)
    {
        if (names.Count == 0 || !OperatingSystem.IsLinux())
        {
            return null;
        }

        return new CipherSuitesPolicy(names.Select(n => TlsNames.CipherSuites[n]).Concat(TlsNames.Tls13Suites).Distinct());
    }

    private static string ReadFile(string path, string key)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WebConfigException($"{key}: cannot read {path}: {e.Message}");
        }
    }
}
