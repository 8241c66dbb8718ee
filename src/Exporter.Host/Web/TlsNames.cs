using System.Net.Security;

namespace Exporter.Host.Web;

/// <summary>
/// exporter-toolkit's names for TLS settings (web/tls_config.go), which are Go's crypto/tls names.
/// Only these are accepted, so a file that works here works in every other exporter and passes
/// promtool check web-config.
/// </summary>
internal static class TlsNames
{
    public static readonly IReadOnlyDictionary<string, TlsVersion> Versions = new Dictionary<string, TlsVersion>(StringComparer.Ordinal)
    {
        ["TLS10"] = TlsVersion.Tls10,
        ["TLS11"] = TlsVersion.Tls11,
        ["TLS12"] = TlsVersion.Tls12,
        ["TLS13"] = TlsVersion.Tls13,
    };

    /// <summary>RequireClientCert is kept by the toolkit as an alias of RequireAnyClientCert.</summary>
    public static readonly IReadOnlyDictionary<string, ClientAuthType> ClientAuthTypes = new Dictionary<string, ClientAuthType>(StringComparer.Ordinal)
    {
        ["NoClientCert"] = ClientAuthType.NoClientCert,
        ["RequestClientCert"] = ClientAuthType.RequestClientCert,
        ["RequireAnyClientCert"] = ClientAuthType.RequireAnyClientCert,
        ["RequireClientCert"] = ClientAuthType.RequireAnyClientCert,
        ["VerifyClientCertIfGiven"] = ClientAuthType.VerifyClientCertIfGiven,
        ["RequireAndVerifyClientCert"] = ClientAuthType.RequireAndVerifyClientCert,
    };

    /// <summary>Go's tls.CipherSuites(): the suites the toolkit accepts by name.</summary>
    public static readonly IReadOnlyDictionary<string, TlsCipherSuite> CipherSuites = new Dictionary<string, TlsCipherSuite>(StringComparer.Ordinal)
    {
        ["TLS_RSA_WITH_AES_128_CBC_SHA"] = TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
        ["TLS_RSA_WITH_AES_256_CBC_SHA"] = TlsCipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA,
        ["TLS_RSA_WITH_AES_128_GCM_SHA256"] = TlsCipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
        ["TLS_RSA_WITH_AES_256_GCM_SHA384"] = TlsCipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
        ["TLS_AES_128_GCM_SHA256"] = TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        ["TLS_AES_256_GCM_SHA384"] = TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        ["TLS_CHACHA20_POLY1305_SHA256"] = TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        ["TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"] = TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        ["TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"] = TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
        ["TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"] = TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
        ["TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"] = TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
        ["TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"] = TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        ["TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"] = TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"] = TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        ["TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"] = TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        ["TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"] = TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        ["TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"] = TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    };

    /// <summary>The TLS 1.3 suites. Go cannot restrict them (cipher_suites applies to TLS 1.2 and below), so neither do we.</summary>
    public static readonly IReadOnlyList<TlsCipherSuite> Tls13Suites =
        [TlsCipherSuite.TLS_AES_128_GCM_SHA256, TlsCipherSuite.TLS_AES_256_GCM_SHA384, TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256];

    /// <summary>Go's curve names the toolkit accepts. .NET cannot set them (see <see cref="TlsSetup"/>).</summary>
    public static readonly IReadOnlySet<string> Curves = new HashSet<string>(StringComparer.Ordinal) { "CurveP256", "CurveP384", "CurveP521", "X25519" };
}
