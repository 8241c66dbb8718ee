using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Exporter.Core.Security;

namespace Exporter.Core.Tests.Security;

public sealed class PrivateCertificateAuthorityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("exporter-ca-").FullName;
    private readonly X509Certificate2 _ca = Authority("CN=private CA");
    private readonly X509Certificate2 _otherCa = Authority("CN=another CA");

    [Fact]
    public void A_certificate_issued_by_the_ca_is_accepted_and_one_of_another_ca_is_not()
    {
        using var server = Issue(_ca, "CN=127.0.0.1");

        // The TLS stack built the chain against the system's roots, so it reports chain errors: ignored here.
        PrivateCertificateAuthority.Validate([_ca], server, null, SslPolicyErrors.RemoteCertificateChainErrors).Should().BeTrue();
        PrivateCertificateAuthority.Validate([_otherCa], server, null, SslPolicyErrors.RemoteCertificateChainErrors).Should().BeFalse();
        PrivateCertificateAuthority.Validate([_otherCa], server, null, SslPolicyErrors.None).Should().BeFalse("the system's verdict does not count");
        PrivateCertificateAuthority.Callback([_ca])(this, server, null, SslPolicyErrors.RemoteCertificateChainErrors).Should().BeTrue();
        PrivateCertificateAuthority.Callback([_otherCa])(this, server, null, SslPolicyErrors.RemoteCertificateChainErrors).Should().BeFalse();
    }

    [Fact]
    public void A_wrong_name_or_no_certificate_is_refused_even_from_the_ca()
    {
        using var server = Issue(_ca, "CN=127.0.0.1");

        PrivateCertificateAuthority.Validate([_ca], server, null, SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors)
            .Should().BeFalse();
        PrivateCertificateAuthority.Validate([_ca], null, null, SslPolicyErrors.RemoteCertificateNotAvailable).Should().BeFalse();
    }

    [Fact]
    public void Intermediates_the_server_sent_complete_the_chain_but_are_not_trusted_themselves()
    {
        using var intermediate = Issue(_ca, "CN=intermediate CA", authority: true);
        using var server = Issue(intermediate, "CN=127.0.0.1");
        using var presented = new X509Chain();
        presented.ChainPolicy.ExtraStore.Add(intermediate);

        PrivateCertificateAuthority.ChainsTo([_ca], server, null).Should().BeFalse("without the intermediate there is no path to the CA");
        PrivateCertificateAuthority.ChainsTo([_ca], server, presented).Should().BeTrue();
        PrivateCertificateAuthority.ChainsTo([_otherCa], server, presented).Should().BeFalse("a presented certificate is no trust anchor");
    }

    [Fact]
    public void Load_reads_every_certificate_of_the_file_and_names_the_file_when_it_cannot()
    {
        var both = Path.Join(_dir, "both.pem");
        File.WriteAllText(both, _ca.ExportCertificatePem() + "\n" + _otherCa.ExportCertificatePem());
        var empty = Path.Join(_dir, "empty.pem");
        File.WriteAllText(empty, "no certificate here\n");
        var missing = Path.Join(_dir, "missing.pem");

        PrivateCertificateAuthority.Load(both).Select(c => c.Subject).Should().Equal("CN=private CA", "CN=another CA");
        FluentActions.Invoking(() => PrivateCertificateAuthority.Load(empty)).Should().Throw<IOException>().WithMessage($"*{empty} holds no certificate*");
        FluentActions.Invoking(() => PrivateCertificateAuthority.Load(missing)).Should().Throw<IOException>().WithMessage($"*{missing} cannot be read*");
    }

    public void Dispose()
    {
        _ca.Dispose();
        _otherCa.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static X509Certificate2 Authority(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 issuer, string subject, bool authority = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(authority, false, 0, true));
        if (authority)
        {
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        }
        else
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        using var certificate = request.Create(issuer, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), RandomNumberGenerator.GetBytes(8));
        return certificate.CopyWithPrivateKey(key);
    }
}
