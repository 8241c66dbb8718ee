using Exporter.Host.Web;
using Exporter.TestSupport.Web;

namespace Exporter.Core.Tests.Host.Web;

public sealed class TlsSetupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("webconfig-tls-").FullName;
    private readonly TestPki _pki = new();

    public void Dispose()
    {
        _pki.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Loads_a_certificate_and_key_from_files_or_inline()
    {
        var server = _pki.Server();
        server.WriteTo(_dir, "server");

        var fromFiles = Load("cert_file: server.crt\n  key_file: server.key");
        var inline = Load($"cert: |\n{Indent(server.CertPem)}\n  key: |\n{Indent(server.KeyPem)}");

        fromFiles.NotAfter.Should().Be(server.Certificate.NotAfter.ToUniversalTime());
        inline.NotAfter.Should().Be(fromFiles.NotAfter);
    }

    [Fact]
    public void Offers_h2_only_with_http2_on()
    {
        _pki.Server().WriteTo(_dir, "server");
        var tls = Load("cert_file: server.crt\n  key_file: server.key");

        tls.CreateOptions(http2: true).ApplicationProtocols!.Select(p => p.ToString()).Should().Equal("h2", "http/1.1");
        tls.CreateOptions(http2: false).ApplicationProtocols!.Select(p => p.ToString()).Should().Equal("http/1.1");
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Maps_the_version_range_and_keeps_TLS_13_suites_beside_the_chosen_ones()
    {
        _pki.Server().WriteTo(_dir, "server");

        var options = Load("cert_file: server.crt\n  key_file: server.key\n  min_version: TLS13\n  cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]").CreateOptions(false);

        options.EnabledSslProtocols.Should().Be(System.Security.Authentication.SslProtocols.Tls13);
        options.CipherSuitesPolicy!.AllowedCipherSuites.Should().Contain(System.Net.Security.TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)
            .And.Contain(System.Net.Security.TlsCipherSuite.TLS_AES_128_GCM_SHA256).And.HaveCount(4);
    }

    [Fact]
    public void A_missing_certificate_file_is_an_error_naming_the_key()
    {
        var load = () => Load("cert_file: missing.crt\n  key_file: missing.key");

        load.Should().Throw<WebConfigException>().WithMessage("tls_server_config.cert_file: cannot read */missing.crt*");
    }

    [Fact]
    public void A_key_that_does_not_match_the_certificate_is_an_error_without_key_material()
    {
        var one = _pki.Server();
        var other = _pki.Server();
        File.WriteAllText(Path.Join(_dir, "server.crt"), one.CertPem);
        File.WriteAllText(Path.Join(_dir, "server.key"), other.KeyPem);

        var error = ((Action)(() => Load("cert_file: server.crt\n  key_file: server.key"))).Should().Throw<WebConfigException>().Which.Message;

        error.Should().Be("tls_server_config: cert_file and key_file are not a PEM certificate and its matching, unencrypted private key");
    }

    [Fact]
    public void A_client_CA_file_without_a_certificate_is_an_error()
    {
        _pki.Server().WriteTo(_dir, "server");
        File.WriteAllText(Path.Join(_dir, "ca.pem"), "not a certificate\n");

        var load = () => Load("cert_file: server.crt\n  key_file: server.key\n  client_ca_file: ca.pem\n  client_auth_type: RequireAndVerifyClientCert");

        load.Should().Throw<WebConfigException>().WithMessage("tls_server_config.client_ca_file holds no PEM certificate");
    }

    [Fact]
    public void Says_what_NET_cannot_honour()
    {
        var config = WebConfigParser.Parse("tls_server_config:\n  cert_file: a\n  key_file: b\n  curve_preferences: [X25519]\n  min_version: TLS10\n  prefer_server_cipher_suites: false\n", _dir);

        var notes = TlsSetup.Unsupported(config.Tls!).ToList();

        notes.Should().HaveCount(3);
        notes.Should().Contain(n => n.StartsWith("tls_server_config.curve_preferences cannot be applied", StringComparison.Ordinal));
        notes.Should().Contain(n => n.StartsWith("tls_server_config.min_version allows TLS 1.0/1.1", StringComparison.Ordinal));
        TlsSetup.Unsupported(WebConfigParser.Parse("tls_server_config:\n  cert_file: a\n  key_file: b\n", _dir).Tls!).Should().BeEmpty();
    }

    private static string Indent(string pem) => string.Join('\n', pem.Split('\n').Select(l => "    " + l));

    private TlsSetup Load(string tlsBody) => TlsSetup.Load(WebConfigParser.Parse($"tls_server_config:\n  {tlsBody}\n", _dir).Tls!);
}
