using System.Diagnostics;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Web;

/// <summary>openssl s_client, an independent TLS client, against min/max_version and client certificates.</summary>
public sealed class OpensslHandshakeTests : IDisposable
{
    private readonly WebConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_version_below_min_version_is_refused()
    {
        using var host = await SecureHost.StartAsync(_folder.Dir, WebConfigFolder.Tls + "  min_version: TLS13\n");

        var tls12 = await SClientAsync(host.Port, "-tls1_2");
        var tls13 = await SClientAsync(host.Port, "-tls1_3");

        tls12.Output.Should().MatchRegex("(?i)alert protocol version|no protocols available|unsupported protocol").And.NotContain("HTTP/1.1 200");
        tls13.Output.Should().Contain("Protocol  : TLSv1.3").And.Contain("Verify return code: 0 (ok)").And.Contain("HTTP/1.1 200 OK");
    }

    [Fact]
    public async Task A_version_above_max_version_is_not_negotiated()
    {
        using var host = await SecureHost.StartAsync(_folder.Dir, WebConfigFolder.Tls + "  max_version: TLS12\n");

        var any = await SClientAsync(host.Port);
        var tls13 = await SClientAsync(host.Port, "-tls1_3");

        any.Output.Should().Contain("Protocol  : TLSv1.2").And.Contain("HTTP/1.1 200 OK");
        tls13.Output.Should().MatchRegex("(?i)alert protocol version|no protocols available|unsupported protocol").And.NotContain("HTTP/1.1 200");
    }

    [Fact]
    public async Task Chosen_cipher_suites_are_the_only_TLS_12_suites_offered()
    {
        using var host = await SecureHost.StartAsync(_folder.Dir, WebConfigFolder.Tls + "  max_version: TLS12\n  cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384]\n");

        var chosen = await SClientAsync(host.Port, "-cipher", "ECDHE-ECDSA-AES256-GCM-SHA384");
        var other = await SClientAsync(host.Port, "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256");

        chosen.Output.Should().Contain("Cipher    : ECDHE-ECDSA-AES256-GCM-SHA384").And.Contain("HTTP/1.1 200 OK");
        other.Output.Should().MatchRegex("(?i)alert handshake failure|no shared cipher").And.NotContain("HTTP/1.1 200");
    }

    [Fact]
    public async Task RequireAndVerifyClientCert_refuses_a_client_without_a_trusted_certificate_at_the_handshake()
    {
        var client = _folder.Pki.Client("prometheus", dnsNames: ["prometheus.example.org"]).WriteTo(_folder.Dir, "client");
        var wrongSan = _folder.Pki.Client("other", dnsNames: ["other.example.org"]).WriteTo(_folder.Dir, "other");
        using var stranger = new TestSupport.Web.TestPki("stranger CA");
        var untrusted = stranger.Client("prometheus", dnsNames: ["prometheus.example.org"]).WriteTo(_folder.Dir, "untrusted");
        using var host = await SecureHost.StartAsync(_folder.Dir, WebConfigFolder.Tls + """
              client_ca_file: ca.crt
              client_auth_type: RequireAndVerifyClientCert
              client_allowed_sans: [prometheus.example.org]
            """);

        var with = await SClientAsync(host.Port, "-cert", client.Cert, "-key", client.Key);
        var without = await SClientAsync(host.Port);
        var fromStranger = await SClientAsync(host.Port, "-cert", untrusted.Cert, "-key", untrusted.Key);
        var otherSan = await SClientAsync(host.Port, "-cert", wrongSan.Cert, "-key", wrongSan.Key);

        with.Output.Should().Contain("HTTP/1.1 200 OK", "the client with a matching certificate gets its answer");
        with.Output.Should().Contain("Acceptable client certificate CA names").And.Contain("CN = exporter test CA");
        foreach (var refused in new[] { without, fromStranger, otherSan })
        {
            refused.Output.Should().NotContain("HTTP/1.1").And.MatchRegex("(?i)alert|error");
        }

        host.HasExited.Should().BeFalse();
    }

    /// <summary>
    /// Connects, sends a GET for /-/healthy (Connection: close) and returns what s_client printed
    /// once the server has closed. Its exit code is not used: Kestrel closes without a TLS
    /// close_notify, which s_client reports as an error even after a complete answer.
    /// </summary>
    private async Task<(int ExitCode, string Output)> SClientAsync(int port, params string[] options)
    {
        var info = new ProcessStartInfo(Tools.Require("openssl"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["s_client", "-connect", $"127.0.0.1:{port}", "-CAfile", Path.Join(_folder.Dir, "ca.crt"), "-ign_eof", .. options])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            // Stdin stays open: s_client ends when the server closes the connection.
            await process.StandardInput.WriteAsync("GET /-/healthy HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            await process.StandardInput.FlushAsync();
        }
        catch (IOException)
        {
            // s_client already gave up: the handshake failed.
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        process.StandardInput.Close();
        return (process.ExitCode, await output + await error);
    }
}
