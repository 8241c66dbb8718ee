using Exporter.IntegrationTests.Stack;

namespace Exporter.IntegrationTests.Web;

/// <summary>
/// curl against the host over HTTPS with basic auth, the users' hashes made by independent bcrypt
/// implementations: Apache's htpasswd ($2y$), Python's crypt on libxcrypt ($2b$), and the public
/// vectors (exporter-toolkit's own test users, a $2a$ vector).
/// </summary>
public sealed class CurlBasicAuthTests : IAsyncLifetime
{
    private static readonly (string User, string Password)[] Users =
    [
        ("htpasswd-user", "pw from htpasswd"),
        ("python-user", "pw:with:colons"),
        ("alice", "alice123"),
        ("dave", "dave123"),
        ("vector", "allmine"),
    ];

    private readonly WebConfigFolder _folder = new();
    private SecureHost _host = null!;

    public async Task InitializeAsync()
    {
        var (_, htpasswd) = Cli.Run("htpasswd", "-nbB", "-C", "6", "htpasswd-user", "pw from htpasswd");

        // Debian's python3 (3.11) still has the crypt module, on libxcrypt.
        var (_, python) = Cli.Run("/usr/bin/python3", "-W", "ignore", "-c",
            "import crypt,sys; print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=1 << 5)))", "pw:with:colons");
        var htpasswdHash = htpasswd.Trim().Split(':', 2)[1];
        var pythonHash = python.Trim();
        htpasswdHash.Should().StartWith("$2y$06$");
        pythonHash.Should().StartWith("$2b$05$");

        _host = await SecureHost.StartAsync(_folder.Dir, $"""
            {WebConfigFolder.Tls}
            basic_auth_users:
              htpasswd-user: '{htpasswdHash}'
              python-user: '{pythonHash}'
              alice: $2y$12$1DpfPeqF9HzHJt.EWswy1exHluGfbhnn3yXhR7Xes6m3WJqFg0Wby
              dave: $2y$10$2UXri9cIDdgeKjBo4Rlpx.U3ZLDV8X1IxKmsfOvhcM5oXQt/mLmXq
              vector: $2a$10$XajjQvNhvvRt5GSeFk1xFeyqRrsxkhBkUiQeg0dt.wU1qD4aFDcga
            """);
    }

    public Task DisposeAsync()
    {
        _host?.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Each_credential_is_let_in_and_none_or_a_wrong_one_is_not()
    {
        foreach (var (user, password) in Users)
        {
            (await CurlAsync($"{user}:{password}")).Should().StartWith("200 ", "{0} with its password", user);
            (await CurlAsync($"{user}:{password}x")).Should().StartWith("401 ", "{0} with a wrong password", user);
        }

        (await CurlAsync(null)).Should().StartWith("401 ");
        (await CurlAsync("nobody:alice123")).Should().StartWith("401 ");
        (await CurlAsync("alice:dave123")).Should().StartWith("401 ", "another user's password");
    }

    [Fact]
    public async Task A_refusal_challenges_for_basic_auth_and_its_body_tells_nothing()
    {
        var (_, response) = Cli.Run("curl", "-sS", "-i", "--cacert", Path.Join(_folder.Dir, "ca.crt"), "-u", "alice:wrong", _host.Url("/metrics").ToString());

        response.Should().MatchRegex("(?i)www-authenticate: Basic\r\n");
        response.Split("\r\n\r\n", 2)[1].Should().Be("Unauthorized\n");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/status")]
    [InlineData("/-/ready")]
    [InlineData("/-/healthy")]
    [InlineData("/no-such-page")]
    public async Task Every_path_not_only_metrics_asks_for_the_credentials(string path)
    {
        // The status page and its API show host details: exporter-toolkit guards the whole handler,
        // and so does the host.
        (await CurlAsync(null, path)).Should().StartWith("401 ");
        (await CurlAsync("alice:wrong", path)).Should().StartWith("401 ");
        (await CurlAsync("alice:alice123", path)).Should().MatchRegex(path == "/no-such-page" ? "^404 " : "^200 ");
    }

    private Task<string> CurlAsync(string? credentials, string path = "/metrics") => Task.Run(() => Curl(credentials, path));

    private string Curl(string? credentials, string path)
    {
        List<string> arguments = ["-sS", "-o", "/dev/null", "-w", "%{http_code} %{ssl_verify_result}", "--cacert", Path.Join(_folder.Dir, "ca.crt")];
        if (credentials is not null)
        {
            arguments.AddRange(["-u", credentials]);
        }

        arguments.Add(_host.Url(path).ToString());
        return Cli.Run("curl", [.. arguments]).Output;
    }
}
