using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Exporter.IntegrationTests.Web;

/// <summary>
/// Passwords, hashes and key material never show: not in the log (at debug level, through
/// successful and failed logins, every refusal and a broken reload), not in /metrics, not on the
/// landing page or any error page.
/// </summary>
public sealed class SecretLeakTests : IDisposable
{
    private const string Password = "Tr0ub4dor-leak-check";
    private readonly WebConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task No_secret_appears_in_logs_metrics_or_pages()
    {
        var hash = BCrypt.Net.BCrypt.HashPassword(Password, 5);
        var otherHash = BCrypt.Net.BCrypt.HashPassword("second-user-secret", 4);
        var keyPem = _folder.Server.KeyPem;
        var yaml = $"""
            tls_server_config:
              cert: |
            {Indent(_folder.Server.CertPem)}
              key: |
            {Indent(keyPem)}
            rate_limit:
              interval: 1s
              burst: 20
            basic_auth_users:
              prometheus: '{hash}'
              other: '{otherHash}'
            """;
        var everything = new Dictionary<string, string> { ["Logging__LogLevel__Microsoft.AspNetCore"] = "Debug" };
        using var host = await SecureHost.StartAsync(_folder.Dir, yaml, everything, "--log.level=debug");
        using var client = SecureHost.Client(_folder.Pki.Ca);
        var pages = new List<string>();

        async Task<HttpStatusCode> GetAsync(string path, string? user, string? password, HttpMethod? method = null)
        {
            using var request = new HttpRequestMessage(method ?? HttpMethod.Get, host.Url(path));
            if (user is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
            }

            using var response = await client.SendAsync(request);
            pages.Add(response.Headers + "\n" + await response.Content.ReadAsStringAsync());
            return response.StatusCode;
        }

        (await GetAsync("/metrics", "prometheus", Password)).Should().Be(HttpStatusCode.OK);
        (await GetAsync("/", "prometheus", Password)).Should().Be(HttpStatusCode.OK);
        (await GetAsync("/-/healthy", "prometheus", Password)).Should().Be(HttpStatusCode.OK);
        (await GetAsync("/nowhere", "prometheus", Password)).Should().Be(HttpStatusCode.NotFound);
        (await GetAsync("/metrics?collect[]=nope", "prometheus", Password)).Should().Be(HttpStatusCode.BadRequest);
        (await GetAsync("/metrics", "prometheus", Password, HttpMethod.Post)).Should().Be(HttpStatusCode.MethodNotAllowed);
        (await GetAsync("/metrics", "prometheus", Password + "-wrong")).Should().Be(HttpStatusCode.Unauthorized);
        (await GetAsync("/metrics", "nobody", Password)).Should().Be(HttpStatusCode.Unauthorized);
        (await GetAsync("/metrics", null, null)).Should().Be(HttpStatusCode.Unauthorized);
        var flood = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => GetAsync("/-/ready", "prometheus", Password)));
        flood.Should().Contain(HttpStatusCode.TooManyRequests);

        // A broken reload: the password by mistake where the hash belongs.
        await File.WriteAllTextAsync(host.ConfigFile, yaml.Replace(otherHash, Password, StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the rate limit refills a token
        (await GetAsync("/metrics", "prometheus", Password)).Should().Be(HttpStatusCode.OK);
        var log = await host.WaitForOutputAsync("not reloaded");
        log.Should().Contain("basic_auth_users.other is not a bcrypt hash");

        string[] secrets = [Password, hash, otherHash, hash[7..29], .. KeyLines(keyPem)];
        var metrics = pages[0];
        metrics.Should().Contain("exporter_web_config_last_reload_successful");
        foreach (var (name, text) in new[] { ("log", host.Output), ("metrics", metrics), ("pages", string.Join("\n", pages)) })
        {
            foreach (var secret in secrets)
            {
                text.Should().NotContain(secret, "the {0} must not show a secret", name);
            }

            text.Should().NotContain("PRIVATE KEY");
        }

        host.Output.Should().Contain("Request starting").And.Contain("dbug: Microsoft.AspNetCore", "ASP.NET Core logs at debug level too");
    }

    private static string Indent(string pem) => string.Join('\n', pem.TrimEnd().Split('\n').Select(l => "    " + l));

    /// <summary>The base64 lines of the key: any of them in the output would be key material.</summary>
    private static IEnumerable<string> KeyLines(string pem) => pem.Split('\n').Where(l => l.Length > 20 && !l.StartsWith("-----", StringComparison.Ordinal));
}
