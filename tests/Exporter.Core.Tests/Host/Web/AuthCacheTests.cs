using Exporter.Host.Web;
using Microsoft.Extensions.Time.Testing;

namespace Exporter.Core.Tests.Host.Web;

public sealed class AuthCacheTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Keys_cannot_be_forged_by_moving_text_between_user_hash_and_password()
    {
        // CVE-2022-46146: user+hash+password concatenated let one triple pose as another.
        var hash = WebConfigParserTests.AliceHash;
        string[] keys =
        [
            AuthCache.Key("alice", hash, "secret"),
            AuthCache.Key("alice" + hash, string.Empty, "secret"),
            AuthCache.Key("alice", hash + "secret", string.Empty),
            AuthCache.Key("alice:", hash, "secret"),
            AuthCache.Key("alice", hash, ":secret"),
            AuthCache.Key("alic", "e" + hash, "secret"),
        ];

        keys.Should().OnlyHaveUniqueItems();
        AuthCache.Key("alice", hash, "secret").Should().Be(keys[0], "the same triple gives the same key");
    }

    [Fact]
    public void The_key_does_not_contain_the_password()
    {
        var key = AuthCache.Key("alice", WebConfigParserTests.AliceHash, "hunter2");

        key.Should().HaveLength(64).And.NotContain("hunter2").And.NotContain(Convert.ToHexString("hunter2"u8));
    }

    [Fact]
    public void Remembers_both_verdicts()
    {
        var cache = new AuthCache(_time);
        cache.Set("good", accepted: true);
        cache.Set("bad", accepted: false);

        cache.TryGet("good", out var good).Should().BeTrue();
        cache.TryGet("bad", out var bad).Should().BeTrue();
        cache.TryGet("unknown", out _).Should().BeFalse();
        (good, bad).Should().Be((true, false));
    }

    [Fact]
    public void Is_bounded_dropping_the_least_recently_used()
    {
        var cache = new AuthCache(_time, capacity: 3);
        cache.Set("a", false);
        cache.Set("b", false);
        cache.Set("c", false);
        cache.TryGet("a", out _);

        cache.Set("d", false);

        cache.Count.Should().Be(3);
        cache.TryGet("b", out _).Should().BeFalse("b was used least recently");
        cache.TryGet("a", out _).Should().BeTrue();
    }

    [Fact]
    public void A_flood_of_refused_passwords_cannot_push_out_an_accepted_one()
    {
        var cache = new AuthCache(_time);
        cache.Set("prometheus", accepted: true);

        for (var i = 0; i < 10 * AuthCache.DefaultCapacity; i++)
        {
            cache.Set($"guess-{i}", accepted: false);
        }

        cache.TryGet("prometheus", out var accepted).Should().BeTrue();
        accepted.Should().BeTrue();
        cache.Count.Should().Be(AuthCache.DefaultCapacity + 1);
    }

    [Fact]
    public void Entries_expire()
    {
        var cache = new AuthCache(_time);
        cache.Set("good", accepted: true);

        _time.Advance(AuthCache.Lifetime - TimeSpan.FromSeconds(1));
        cache.TryGet("good", out _).Should().BeTrue();
        _time.Advance(TimeSpan.FromSeconds(1));
        cache.TryGet("good", out _).Should().BeFalse();
        cache.Count.Should().Be(0);
    }
}
