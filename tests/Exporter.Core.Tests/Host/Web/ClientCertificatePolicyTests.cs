using System.Net;
using System.Security.Cryptography.X509Certificates;
using Exporter.Host.Web;
using Exporter.TestSupport.Web;

namespace Exporter.Core.Tests.Host.Web;

/// <summary>Each client_auth_type decided as Go's crypto/tls decides it, with a CA and client certificates made here.</summary>
public sealed class ClientCertificatePolicyTests : IDisposable
{
    private readonly TestPki _pki = new();
    private readonly TestPki _otherPki = new("another CA");
    private readonly X509Certificate2 _trusted;
    private readonly X509Certificate2 _untrusted;

    public ClientCertificatePolicyTests()
    {
        _trusted = _pki.Client("prometheus", dnsNames: ["prometheus.example.org"]).Certificate;
        _untrusted = _otherPki.Client("prometheus", dnsNames: ["prometheus.example.org"]).Certificate;
    }

    public void Dispose()
    {
        _pki.Dispose();
        _otherPki.Dispose();
    }

    [Theory]
    [InlineData("NoClientCert", true, true, true)]
    [InlineData("RequestClientCert", true, true, true)]
    [InlineData("RequireAnyClientCert", false, true, true)]
    [InlineData("RequireClientCert", false, true, true)]
    [InlineData("VerifyClientCertIfGiven", true, true, false)]
    [InlineData("RequireAndVerifyClientCert", false, true, false)]
    public void Each_client_auth_type_decides_as_go_does(string mode, bool none, bool trusted, bool untrusted)
    {
        var policy = new ClientCertificatePolicy(TlsNames.ClientAuthTypes[mode], new X509Certificate2Collection(_pki.Ca), []);

        policy.Accepts(null, null).Should().Be(none, "without a certificate");
        policy.Accepts(_trusted, null).Should().Be(trusted, "with a certificate from the client CA");
        policy.Accepts(_untrusted, null).Should().Be(untrusted, "with a certificate from another CA");
    }

    [Fact]
    public void A_server_certificate_is_not_accepted_as_a_client_certificate()
    {
        var policy = new ClientCertificatePolicy(ClientAuthType.RequireAndVerifyClientCert, new X509Certificate2Collection(_pki.Ca), []);

        policy.Accepts(_pki.Server().Certificate, null).Should().BeFalse("its extended key usage is serverAuth only");
    }

    [Theory]
    [InlineData("prometheus.example.org", true)]
    [InlineData("Prometheus.example.org", false)]
    [InlineData("example.org", false)]
    [InlineData("ops@example.org", true)]
    [InlineData("10.0.0.7", true)]
    [InlineData("spiffe://example.org/prometheus", true)]
    public void Allowed_SANs_match_exactly_over_DNS_email_IP_and_URI(string allowed, bool accepted)
    {
        var client = _pki.Client("scraper", dnsNames: ["prometheus.example.org"], emails: ["ops@example.org"],
            uris: [new Uri("spiffe://example.org/prometheus")], ips: [IPAddress.Parse("10.0.0.7")]).Certificate;
        var policy = new ClientCertificatePolicy(ClientAuthType.RequireAndVerifyClientCert, new X509Certificate2Collection(_pki.Ca), [allowed]);

        policy.Accepts(client, null).Should().Be(accepted);
    }

    [Fact]
    public void The_common_name_is_not_a_SAN()
    {
        var client = _pki.Client("prometheus.example.org").Certificate;
        var policy = new ClientCertificatePolicy(ClientAuthType.RequireAnyClientCert, null, ["prometheus.example.org"]);

        policy.Accepts(client, null).Should().BeFalse();
        ClientCertificatePolicy.SubjectAlternativeNames(client).Should().BeEmpty();
    }
}
