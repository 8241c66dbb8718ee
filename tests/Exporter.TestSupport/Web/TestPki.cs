using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Exporter.TestSupport.Web;

/// <summary>
/// A throw-away certificate authority made with .NET's CertificateRequest: a server certificate
/// for 127.0.0.1/localhost and client certificates with chosen SANs, written as PEM files the way
/// an operator would give them to --web.config.file.
/// </summary>
public sealed class TestPki : IDisposable
{
    private readonly ECDsa _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestPki(string name = "exporter test CA")
    {
        var request = new CertificateRequest($"CN={name}", _caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(365));
    }

    public X509Certificate2 Ca { get; }

    public string CaPem => Ca.ExportCertificatePem();

    /// <summary>A server certificate for 127.0.0.1, ::1 and localhost.</summary>
    public Issued Server(string commonName = "exporter", DateTimeOffset? notAfter = null)
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        san.AddDnsName("localhost");
        return Issue($"CN={commonName}", "1.3.6.1.5.5.7.3.1", san.Build(), notAfter);
    }

    /// <summary>A client certificate with the given DNS names, e-mail addresses and URIs as SANs.</summary>
    public Issued Client(string commonName, string[]? dnsNames = null, string[]? emails = null, Uri[]? uris = null, IPAddress[]? ips = null)
    {
        X509Extension? extension = null;
        if (dnsNames is not null || emails is not null || uris is not null || ips is not null)
        {
            var san = new SubjectAlternativeNameBuilder();
            foreach (var dns in dnsNames ?? [])
            {
                san.AddDnsName(dns);
            }

            foreach (var email in emails ?? [])
            {
                san.AddEmailAddress(email);
            }

            foreach (var uri in uris ?? [])
            {
                san.AddUri(uri);
            }

            foreach (var ip in ips ?? [])
            {
                san.AddIpAddress(ip);
            }

            extension = san.Build();
        }

        return Issue($"CN={commonName}", "1.3.6.1.5.5.7.3.2", extension, null);
    }

    public void Dispose()
    {
        Ca.Dispose();
        _caKey.Dispose();
    }

    private Issued Issue(string subject, string usage, X509Extension? san, DateTimeOffset? notAfter)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Ca, true, false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san);
        }

        using var signer = X509CertificateLoader.LoadCertificate(Ca.RawData).CopyWithPrivateKey(_caKey);
        var certificate = request.Create(signer, DateTimeOffset.UtcNow.AddHours(-1), notAfter ?? DateTimeOffset.UtcNow.AddDays(20), RandomNumberGenerator.GetBytes(16));
        return new Issued(certificate.CopyWithPrivateKey(key), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>A certificate with its key, as PEM text and as files.</summary>
    public sealed record Issued(X509Certificate2 Certificate, string KeyPem)
    {
        public string CertPem => Certificate.ExportCertificatePem();

        /// <summary>Writes NAME.crt and NAME.key into <paramref name="dir"/>; returns their paths.</summary>
        public (string Cert, string Key) WriteTo(string dir, string name)
        {
            var cert = Path.Join(dir, name + ".crt");
            var key = Path.Join(dir, name + ".key");
            File.WriteAllText(cert, CertPem);
            File.WriteAllText(key, KeyPem);
            return (cert, key);
        }
    }
}
