using Exporter.Host.Web;

namespace Exporter.Core.Tests.Host.Web;

public sealed class WebConfigParserTests
{
    // exporter-toolkit's own test users (alice/alice123, dave/dave123).
    internal const string AliceHash = "$2y$12$1DpfPeqF9HzHJt.EWswy1exHluGfbhnn3yXhR7Xes6m3WJqFg0Wby";
    internal const string DaveHash = "$2y$10$2UXri9cIDdgeKjBo4Rlpx.U3ZLDV8X1IxKmsfOvhcM5oXQt/mLmXq";

    private const string BaseDir = "/etc/exporter";

    [Fact]
    public void Reads_every_key_of_the_schema()
    {
        var config = WebConfigParser.Parse($"""
            tls_server_config:
              cert_file: tls/server.crt
              key_file: /secure/server.key
              client_ca_file: ca.pem
              client_auth_type: RequireAndVerifyClientCert
              client_allowed_sans: [prometheus.example.org, "spiffe://example.org/prometheus"]
              min_version: TLS13
              max_version: TLS13
              cipher_suites:
                - TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
                - TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256
              prefer_server_cipher_suites: false
              curve_preferences: [X25519, CurveP256]
            http_server_config:
              http2: false
              headers:
                X-Frame-Options: sameorigin
                X-Content-Type-Options: nosniff
                Strict-Transport-Security: max-age=31536000; includeSubDomains
                X-XSS-Protection: "1; mode=block"
                Content-Security-Policy: "default-src 'self'"
            rate_limit:
              interval: 1m30s
              burst: 20
            basic_auth_users:
              alice: {AliceHash}
              dave: '{DaveHash}'
            """, BaseDir);

        var tls = config.Tls!;
        tls.CertFile.Should().Be("/etc/exporter/tls/server.crt", "relative paths are relative to the file's folder");
        tls.KeyFile.Should().Be("/secure/server.key");
        tls.ClientCaFile.Should().Be("/etc/exporter/ca.pem");
        tls.ClientAuth.Should().Be(ClientAuthType.RequireAndVerifyClientCert);
        tls.ClientAllowedSans.Should().Equal("prometheus.example.org", "spiffe://example.org/prometheus");
        (tls.MinVersion, tls.MaxVersion).Should().Be((TlsVersion.Tls13, TlsVersion.Tls13));
        tls.CipherSuites.Should().Equal("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
        tls.PreferServerCipherSuites.Should().BeFalse();
        tls.CurvePreferences.Should().Equal("X25519", "CurveP256");
        config.Http.Http2.Should().BeFalse();
        config.Http.Headers.Should().HaveCount(5).And.Contain("X-XSS-Protection", "1; mode=block");
        config.RateLimit.Should().Be(new RateLimitConfig(TimeSpan.FromSeconds(90), 20));
        config.Users.Keys.Should().BeEquivalentTo("alice", "dave");
        config.Users["alice"].Cost.Should().Be(12);
        config.Users["dave"].Text.Should().Be(DaveHash);
    }

    [Fact]
    public void Defaults_are_the_toolkits()
    {
        var config = WebConfigParser.Parse("tls_server_config:\n  cert: inline-cert\n  key: inline-key\n", BaseDir);

        config.Tls!.CertPem.Should().Be("inline-cert");
        config.Tls.KeyPem.Should().Be("inline-key");
        config.Tls.ClientAuth.Should().Be(ClientAuthType.NoClientCert);
        (config.Tls.MinVersion, config.Tls.MaxVersion).Should().Be((TlsVersion.Tls12, TlsVersion.Tls13));
        config.Tls.PreferServerCipherSuites.Should().BeTrue();
        config.Http.Http2.Should().BeTrue();
        config.RateLimit.Enabled.Should().BeFalse();
        config.Users.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("tls_server_config:\nhttp_server_config:\nbasic_auth_users:\nrate_limit:\n")]
    public void An_empty_file_or_empty_sections_mean_plain_HTTP_without_auth(string yaml)
    {
        var config = WebConfigParser.Parse(yaml, BaseDir);

        config.Tls.Should().BeNull();
        config.Users.Should().BeEmpty();
        config.RateLimit.Enabled.Should().BeFalse();
    }

    [Fact]
    public void RequireClientCert_is_the_toolkits_alias_of_RequireAnyClientCert()
    {
        var config = WebConfigParser.Parse("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: RequireClientCert\n", BaseDir);

        config.Tls!.ClientAuth.Should().Be(ClientAuthType.RequireAnyClientCert);
    }

    [Theory]
    [InlineData("tls_server_config:\n  cert_file: a\n  key_file: b\n  min_version: TLS99\n", "line 4: tls_server_config.min_version 'TLS99' is not one of TLS10, TLS11, TLS12, TLS13")]
    [InlineData("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: Sometimes\n", "tls_server_config.client_auth_type 'Sometimes' is not one of")]
    [InlineData("tls_server_config:\n  cert_file: a\n  key_file: b\n  cipher_suites: [TLS_RSA_WITH_RC4_128_SHA]\n", "tls_server_config.cipher_suites: 'TLS_RSA_WITH_RC4_128_SHA' is not one of")]
    [InlineData("tls_server_config:\n  cert_file: a\n  key_file: b\n  curve_preferences: [CurveP224]\n", "tls_server_config.curve_preferences: 'CurveP224' is not one of")]
    [InlineData("tls_server_config:\n  cert_file: a\n  key_file: b\n  min_version: TLS13\n  max_version: TLS12\n", "min_version is above max_version")]
    [InlineData("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_ca_file: ca.pem\n", "a client CA is set but client_auth_type is not")]
    [InlineData("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_ca: x\n  client_auth_type: NoClientCert\n", "a client CA is set but client_auth_type is NoClientCert")]
    [InlineData("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: VerifyClientCertIfGiven\n  client_allowed_sans: [x]\n", "client_allowed_sans needs client_auth_type RequireAnyClientCert or RequireAndVerifyClientCert")]
    [InlineData("tls_server_config:\n  key_file: b\n", "tls_server_config: cert_file or cert is required")]
    [InlineData("tls_server_config:\n  cert_file: a\n", "tls_server_config: key_file or key is required")]
    [InlineData("tls_server_config:\n  min_version: TLS13\n", "tls_server_config: cert_file or cert is required")]
    [InlineData("tls_server_config:\n  cert_file: a\n  cert: b\n  key_file: c\n", "cert_file and cert exclude each other")]
    [InlineData("tls_server_config:\n  cert_file: a\n  key_file: b\n  prefer_server_cipher_suites: maybe\n", "tls_server_config.prefer_server_cipher_suites must be true or false")]
    [InlineData("http_server_config:\n  http2: sometimes\n", "line 2: http_server_config.http2 must be true or false")]
    [InlineData("http_server_config:\n  headers:\n    Server: nginx\n", "http_server_config.headers.Server: this header cannot be configured")]
    [InlineData("http_server_config:\n  headers:\n    x-frame-options: deny\n", "http_server_config.headers.x-frame-options: this header cannot be configured")]
    [InlineData("http_server_config:\n  headers:\n    X-Frame-Options: allow\n", "http_server_config.headers.X-Frame-Options must be one of deny, sameorigin, got 'allow'")]
    [InlineData("http_server_config:\n  headers:\n    X-Content-Type-Options: sniff\n", "X-Content-Type-Options must be one of nosniff")]
    [InlineData("http_server_config:\n  headers:\n    Content-Security-Policy: \"a\\r\\nSet-Cookie: x\"\n", "contains a control character")]
    [InlineData("rate_limit:\n  interval: soon\n", "rate_limit.interval 'soon' is not a duration")]
    [InlineData("rate_limit:\n  interval: 1s\n  burst: -1\n", "rate_limit.burst '-1' is not a whole number")]
    [InlineData("rate_limit:\n  interval: 1s\n", "rate_limit.burst must be at least 1")]
    [InlineData("rate_limit: 10\n", "line 1: rate_limit must be a mapping")]
    [InlineData("- a\n- b\n", "the file must be a mapping")]
    [InlineData("basic_auth_users: [alice]\n", "basic_auth_users must be a mapping")]
    [InlineData("basic_auth_users:\n  alice:\n", "basic_auth_users.alice needs a bcrypt hash")]
    public void A_bad_value_is_an_error_naming_the_key(string yaml, string message)
    {
        var parse = () => WebConfigParser.Parse(yaml, BaseDir);

        parse.Should().Throw<WebConfigException>().WithMessage($"*{message}*");
    }

    [Theory]
    [InlineData("tls_sever_config:\n  cert_file: a\n", "line 1: unknown key tls_sever_config (known here: tls_server_config, http_server_config, rate_limit, basic_auth_users)")]
    [InlineData("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_ca_files: c\n", "line 4: unknown key tls_server_config.client_ca_files")]
    [InlineData("http_server_config:\n  http3: true\n", "unknown key http_server_config.http3 (known here: http2, headers)")]
    [InlineData("rate_limit:\n  every: 1s\n", "unknown key rate_limit.every (known here: interval, burst)")]
    public void An_unknown_key_is_an_error_with_its_path(string yaml, string message)
    {
        var parse = () => WebConfigParser.Parse(yaml, BaseDir);

        parse.Should().Throw<WebConfigException>().WithMessage("*" + message + "*");
    }

    [Theory]
    [InlineData("$2y$03$abcdefghijklmnopqrstuuN2b0f1Jv0bwaLWY5Z5AO5Sz1KIb3ybu", "has bcrypt cost 3, outside 4..31")]
    [InlineData("$2y$32$abcdefghijklmnopqrstuuN2b0f1Jv0bwaLWY5Z5AO5Sz1KIb3ybu", "has bcrypt cost 32, outside 4..31")]
    [InlineData("$2x$10$abcdefghijklmnopqrstuuN2b0f1Jv0bwaLWY5Z5AO5Sz1KIb3ybu", "is a bcrypt variant other than")]
    [InlineData("$2y$1a$abcdefghijklmnopqrstuuN2b0f1Jv0bwaLWY5Z5AO5Sz1KIb3ybu", "has no two-digit bcrypt cost")]
    [InlineData("$2y$10$abcdefghijklmnopqrstuuN2b0f1Jv0bwaLWY5Z5AO5Sz1KIb3yb!", "has a character outside bcrypt's alphabet")]
    [InlineData("$2y$10$tooshort", "is not a bcrypt hash")]
    [InlineData("plaintext-password", "is not a bcrypt hash")]
    [InlineData("{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=", "is not a bcrypt hash")]
    public void A_malformed_hash_is_an_error_that_names_the_user_but_never_shows_the_hash(string hash, string message)
    {
        var parse = () => WebConfigParser.Parse($"basic_auth_users:\n  alice: '{hash}'\n", BaseDir);

        var error = parse.Should().Throw<WebConfigException>().Which.Message;
        error.Should().Contain("basic_auth_users.alice").And.Contain(message);
        error.Should().NotContain(hash).And.NotContain("abcdefghij");
    }

    [Theory]
    [InlineData("basic_auth_users:\n  alice: \"$2y$10$unterminated\n")]
    [InlineData("tls_server_config:\n  key: '-----BEGIN PRIVATE KEY-----\n  cert_file: x\n")]
    [InlineData("basic_auth_users:\n  alice: hunter2-hash\n  alice: hunter2-hash\n")]
    [InlineData("basic_auth_users:\n  alice: [hunter2-hash\n")]
    public void A_YAML_syntax_error_gives_the_position_only(string yaml)
    {
        var parse = () => WebConfigParser.Parse(yaml, BaseDir);

        var error = parse.Should().Throw<WebConfigException>().Which.Message;
        error.Should().StartWith("line ").And.Contain("not valid YAML");
        error.Should().NotContain("hunter2").And.NotContain("BEGIN").And.NotContain("unterminated");
    }

    [Fact]
    public void Several_documents_are_an_error()
    {
        var parse = () => WebConfigParser.Parse("basic_auth_users:\n---\nrate_limit:\n", BaseDir);

        parse.Should().Throw<WebConfigException>().WithMessage("*more than one YAML document*");
    }
}
