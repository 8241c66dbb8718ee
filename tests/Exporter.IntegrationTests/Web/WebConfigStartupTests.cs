using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Web;

/// <summary>A web configuration the host cannot use stops the start: one line naming the key, never a secret, exit 2.</summary>
public sealed class WebConfigStartupTests : IDisposable
{
    private const string SecretHash = "'$2y$10$SECRETSECRETSECRETSECR#N2b0f1Jv0bwaLWY5Z5AO5Sz1KIb3yb'";
    private readonly WebConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  min_versoin: TLS13\n", "unknown key tls_server_config.min_versoin")]
    [InlineData("tls_server_config:\n  cert_file: missing.crt\n  key_file: server.key\n", "tls_server_config.cert_file: cannot read")]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n  key_file: ca.crt\n", "tls_server_config: cert_file and key_file are not a PEM certificate and its matching")]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  client_ca_file: ca.crt\n", "a client CA is set but client_auth_type is not")]
    [InlineData("basic_auth_users:\n  alice: " + SecretHash + "\n", "basic_auth_users.alice has a character outside")]
    [InlineData("basic_auth_users:\n  alice: $2y$32$SECRETSECRETSECRETSECRuN2b0f1Jv0bwaLWY5Z5AO5Sz1KIb3yb\n", "basic_auth_users.alice has bcrypt cost 32, outside 4..31")]
    [InlineData("basic_auth_users:\n  alice: $2y$03$SECRETSECRETSECRETSECRuN2b0f1Jv0bwaLWY5Z5AO5Sz1KIb3yb\n", "basic_auth_users.alice has bcrypt cost 3, outside 4..31")]
    [InlineData("basic_auth_users:\n  alice: SECRETplaintext\n", "basic_auth_users.alice is not a bcrypt hash")]
    [InlineData("http_server_config:\n  headers:\n    Set-Cookie: SECRET\n", "http_server_config.headers.Set-Cookie: this header cannot be configured")]
    [InlineData("tls_server_config:\n  key: \"SECRET\n", "not valid YAML")]
    public void A_bad_file_stops_the_start_with_exit_2_naming_the_key(string yaml, string message)
    {
        var file = Path.Join(_folder.Dir, "web.yml");
        File.WriteAllText(file, yaml);
        using var host = new ExternalProcess(RepoPaths.HostFileName, RepoPaths.HostArguments(["--web.listen-address=127.0.0.1:0", $"--web.config.file={file}"]));

        host.WaitForExit(TimeSpan.FromSeconds(60)).Should().BeTrue();

        host.ExitCode.Should().Be(2);
        host.StandardError.Should().Contain($"exporter: error: web config {file}: ").And.Contain(message);
        host.Output.Should().NotContain("SECRET").And.NotContain("BEGIN").And.NotContain("Now listening");
    }

    [Fact]
    public void A_missing_file_stops_the_start()
    {
        using var host = new ExternalProcess(RepoPaths.HostFileName, RepoPaths.HostArguments(["--web.listen-address=127.0.0.1:0", "--web.config.file=/nonexistent/web.yml"]));

        host.WaitForExit(TimeSpan.FromSeconds(60)).Should().BeTrue();

        host.ExitCode.Should().Be(2);
        host.StandardError.Should().Contain("web config /nonexistent/web.yml: cannot read the file");
    }

    [Fact]
    public async Task A_setting_NET_cannot_honour_is_said_at_start()
    {
        using var host = await SecureHost.StartAsync(_folder.Dir, WebConfigFolder.Tls + "  curve_preferences: [X25519, CurveP256]\n");

        var log = await host.WaitForOutputAsync("curve_preferences");

        log.Should().Contain("warn: Exporter.Host.Web").And.Contain("tls_server_config.curve_preferences cannot be applied");
        log.Should().Contain("Web configuration " + host.ConfigFile + ": TLS Tls12..Tls13");
    }
}
