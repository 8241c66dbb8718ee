using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Exporter.IntegrationTests.Web;

/// <summary>The running host picks up renewed certificates and changed users, and survives a broken file.</summary>
public sealed class WebConfigReloadTests : IDisposable
{
    private readonly WebConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Renewed_certificate_and_changed_users_apply_without_a_restart_and_a_broken_file_keeps_the_last_good_one()
    {
        var alice = BCrypt.Net.BCrypt.HashPassword("alice-pw", 5);
        var bob = BCrypt.Net.BCrypt.HashPassword("bob-pw", 5);
        using var host = await SecureHost.StartAsync(_folder.Dir, WebConfigFolder.Tls + $"basic_auth_users:\n  alice: '{alice}'\n");
        string? serial = null;
        using var client = SecureHost.Client(_folder.Pki.Ca, onServerCertificate: c => serial = c.SerialNumber);

        (await GetAsync(client, host, "alice", "alice-pw")).Should().Be(HttpStatusCode.OK);
        serial.Should().Be(_folder.Server.Certificate.SerialNumber);

        var renewed = _folder.Pki.Server();
        renewed.WriteTo(_folder.Dir, "server");
        await File.WriteAllTextAsync(host.ConfigFile, WebConfigFolder.Tls + $"basic_auth_users:\n  bob: '{bob}'\n");

        (await GetAsync(client, host, "alice", "alice-pw")).Should().Be(HttpStatusCode.Unauthorized, "alice was removed");
        serial.Should().Be(renewed.Certificate.SerialNumber, "the next handshake presents the renewed certificate");
        (await GetAsync(client, host, "bob", "bob-pw")).Should().Be(HttpStatusCode.OK);
        (await MetricAsync(client, host, "bob", "bob-pw")).Should().Be("1");

        await File.WriteAllTextAsync(host.ConfigFile, WebConfigFolder.Tls + "basic_auth_users:\n  bob: not-a-hash\n");
        for (var i = 0; i < 5; i++)
        {
            (await GetAsync(client, host, "bob", "bob-pw")).Should().Be(HttpStatusCode.OK, "the last good configuration keeps serving");
        }

        (await MetricAsync(client, host, "bob", "bob-pw")).Should().Be("0");
        var log = await host.WaitForOutputAsync("not reloaded");
        log.Split('\n').Count(l => l.Contains("not reloaded", StringComparison.Ordinal)).Should().Be(1, "a broken file is logged once: {0}", log);
        log.Should().Contain("basic_auth_users.bob is not a bcrypt hash").And.NotContain("not-a-hash");

        await File.WriteAllTextAsync(host.ConfigFile, WebConfigFolder.Tls + $"basic_auth_users:\n  alice: '{alice}'\n");
        (await GetAsync(client, host, "alice", "alice-pw")).Should().Be(HttpStatusCode.OK);
        (await MetricAsync(client, host, "alice", "alice-pw")).Should().Be("1");
        host.HasExited.Should().BeFalse();
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, SecureHost host, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, host.Url("/-/healthy"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<string> MetricAsync(HttpClient client, SecureHost host, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, host.Url("/metrics?collect[]=web_config"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return body.Split('\n').Single(l => l.StartsWith("exporter_web_config_last_reload_successful ", StringComparison.Ordinal)).Split(' ')[1];
    }
}
