using System.Collections.Concurrent;
using System.Text;
using Exporter.Host.Web;
using Microsoft.Extensions.Time.Testing;

namespace Exporter.Core.Tests.Host.Web;

public sealed class BasicAuthenticatorTests
{
    private static readonly string Cost4 = BCrypt.Net.BCrypt.HashPassword("low-cost-pw", 4);
    private static readonly string Cost6 = BCrypt.Net.BCrypt.HashPassword("higher-cost-pw", 6);
    private readonly FakeTimeProvider _time = new();
    private readonly WebConfigSnapshot _snapshot = Snapshot(("low", Cost4), ("high", Cost6));

    [Theory]
    [InlineData("low", "low-cost-pw", true)]
    [InlineData("high", "higher-cost-pw", true)]
    [InlineData("low", "higher-cost-pw", false)]
    [InlineData("high", "", false)]
    [InlineData("nobody", "low-cost-pw", false)]
    [InlineData("LOW", "low-cost-pw", false)]
    public async Task Accepts_only_a_configured_user_with_its_password(string user, string password, bool expected)
    {
        using var authenticator = new BasicAuthenticator(new AuthCache(_time));

        var accepted = await authenticator.AuthenticateAsync(Header(user, password), _snapshot, CancellationToken.None);

        accepted.Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("Basic")]
    [InlineData("Basic !!!notbase64")]
    [InlineData("Basic bG93")] // "low": no colon
    [InlineData("Basic //79")] // invalid UTF-8
    public async Task A_missing_or_malformed_header_is_refused_without_bcrypt(string? header)
    {
        var calls = 0;
        using var authenticator = new BasicAuthenticator(new AuthCache(_time), (_, _) => ++calls > 0);

        (await authenticator.AuthenticateAsync(header, _snapshot, CancellationToken.None)).Should().BeFalse();

        calls.Should().Be(0);
    }

    [Theory]
    [InlineData("basic bG93OnB3", "low", "pw")]
    [InlineData("Basic bG93OnA6dzo=", "low", "p:w:")]
    [InlineData("Basic OnB3", "", "pw")]
    public void The_header_is_split_at_the_first_colon_and_the_scheme_is_caseless(string header, string user, string password)
    {
        BasicAuthenticator.TryParse(header, out var u, out var p).Should().BeTrue();

        (u, p).Should().Be((user, password));
    }

    [Fact]
    public async Task An_unknown_user_is_compared_against_a_decoy_at_the_highest_configured_cost()
    {
        var compared = new List<string>();
        using var authenticator = new BasicAuthenticator(new AuthCache(_time), (pw, hash) =>
        {
            compared.Add(hash);
            return BCrypt.Net.BCrypt.Verify(pw, hash);
        });

        (await authenticator.AuthenticateAsync(Header("mallory", "guess"), _snapshot, CancellationToken.None)).Should().BeFalse();

        compared.Should().ContainSingle().Which.Should().StartWith("$2b$06$").And.NotBe(Cost6).And.NotBe(Cost4);
        BcryptHash.TryParse(compared[0], out _, out var error).Should().BeTrue(error);
    }

    [Fact]
    public async Task A_verdict_is_cached_so_the_next_scrape_costs_no_bcrypt()
    {
        var calls = 0;
        using var authenticator = new BasicAuthenticator(new AuthCache(_time), (pw, hash) =>
        {
            calls++;
            return BCrypt.Net.BCrypt.Verify(pw, hash);
        });

        for (var i = 0; i < 3; i++)
        {
            (await authenticator.AuthenticateAsync(Header("low", "low-cost-pw"), _snapshot, CancellationToken.None)).Should().BeTrue();
            (await authenticator.AuthenticateAsync(Header("low", "wrong"), _snapshot, CancellationToken.None)).Should().BeFalse();
        }

        calls.Should().Be(2);
    }

    [Fact]
    public async Task A_changed_hash_is_never_answered_from_the_cache()
    {
        using var authenticator = new BasicAuthenticator(new AuthCache(_time));
        (await authenticator.AuthenticateAsync(Header("low", "low-cost-pw"), _snapshot, CancellationToken.None)).Should().BeTrue();

        var changed = Snapshot(("low", BCrypt.Net.BCrypt.HashPassword("new-pw", 4)));

        (await authenticator.AuthenticateAsync(Header("low", "low-cost-pw"), changed, CancellationToken.None)).Should().BeFalse();
        (await authenticator.AuthenticateAsync(Header("low", "new-pw"), changed, CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public async Task Runs_one_bcrypt_comparison_at_a_time()
    {
        var inside = 0;
        var most = 0;
        using var entered = new SemaphoreSlim(0);
        using var gate = new SemaphoreSlim(0);
        using var authenticator = new BasicAuthenticator(new AuthCache(_time), (_, _) =>
        {
            most = Math.Max(most, Interlocked.Increment(ref inside));
            entered.Release();
            gate.Wait();
            Interlocked.Decrement(ref inside);
            return false;
        });

        var attempts = Enumerable.Range(0, 4).Select(i => Task.Run(() => authenticator.AuthenticateAsync(Header("low", $"guess-{i}"), _snapshot, CancellationToken.None).AsTask())).ToList();
        (await entered.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue();
        SpinWait.SpinUntil(() => authenticator.Waiting == 3, TimeSpan.FromSeconds(30)).Should().BeTrue("the other three queue behind the first");
        Volatile.Read(ref inside).Should().Be(1);

        gate.Release(4);
        await Task.WhenAll(attempts);

        most.Should().Be(1);
    }

    internal static WebConfigSnapshot Snapshot(params (string User, string Hash)[] users) =>
        Snapshot("basic_auth_users:\n" + string.Concat(users.Select(u => $"  {u.User}: '{u.Hash}'\n")));

    /// <summary>A configuration loaded from a file, as at start.</summary>
    internal static WebConfigSnapshot Snapshot(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("webconfig-").FullName;
        try
        {
            var file = Path.Join(dir, "web.yml");
            File.WriteAllText(file, yaml);
            return WebConfigSnapshot.Load(file);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    internal static string Header(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
}
