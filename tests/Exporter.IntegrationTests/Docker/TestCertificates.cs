using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Exporter.IntegrationTests.Docker;

/// <summary>
/// A throw-away CA, a server certificate for 127.0.0.1 and a client certificate, written as PEM the
/// way the docker CLI expects them (ca.pem, cert.pem, key.pem) plus server-cert.pem/server-key.pem
/// for dockerd's --tlscert/--tlskey.
/// </summary>
internal static class TestCertificates
{
    public static void WriteTo(string dir)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=exporter test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        File.WriteAllText(Path.Join(dir, "ca.pem"), ca.ExportCertificatePem());

        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        Issue(ca, dir, "CN=dockerd", "server-", "1.3.6.1.5.5.7.3.1", san.Build());
        Issue(ca, dir, "CN=exporter", string.Empty, "1.3.6.1.5.5.7.3.2", null);
    }

    private static void Issue(X509Certificate2 ca, string dir, string subject, string prefix, string usageOid, X509Extension? san)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usageOid)], false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san);
        }

        using var cert = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(6), RandomNumberGenerator.GetBytes(16));
        File.WriteAllText(Path.Join(dir, prefix + "cert.pem"), cert.ExportCertificatePem());
        File.WriteAllText(Path.Join(dir, prefix + "key.pem"), key.ExportPkcs8PrivateKeyPem());
    }
}
