using Exporter.Host.Web;

namespace Exporter.Core.Tests.Host.Web;

/// <summary>bcrypt through BCrypt.Net-Next, checked against published vectors (OpenBSD's and jBCrypt's test suites, exporter-toolkit's users).</summary>
public sealed class BcryptHashTests
{
    public static TheoryData<string, string> PublicVectors => new()
    {
        { string.Empty, "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s." },
        { "abc", "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i" },
        { "U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW" },
        { "Kk4DQuMMfZL9o", "$2b$04$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm" },
        { "allmine", "$2a$10$XajjQvNhvvRt5GSeFk1xFeyqRrsxkhBkUiQeg0dt.wU1qD4aFDcga" },
        { "alice123", WebConfigParserTests.AliceHash },
        { "dave123", WebConfigParserTests.DaveHash },
    };

    [Theory]
    [MemberData(nameof(PublicVectors))]
    public void Public_vectors_parse_and_verify(string password, string hash)
    {
        BcryptHash.TryParse(hash, out var parsed, out var error).Should().BeTrue(error);

        BCrypt.Net.BCrypt.Verify(password, parsed!.Text).Should().BeTrue();
        BCrypt.Net.BCrypt.Verify(password + "x", parsed.Text).Should().BeFalse("a different password must not verify");
    }

    [Fact]
    public void Cost_is_read_from_the_hash()
    {
        BcryptHash.TryParse(WebConfigParserTests.AliceHash, out var alice, out _).Should().BeTrue();
        BcryptHash.TryParse("$2b$04$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm", out var low, out _).Should().BeTrue();

        (alice!.Cost, low!.Cost).Should().Be((12, 4));
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(31, true)]
    [InlineData(3, false)]
    [InlineData(32, false)]
    [InlineData(0, false)]
    [InlineData(99, false)]
    public void Cost_must_lie_within_4_to_31(int cost, bool valid)
    {
        var hash = $"$2b${cost:D2}$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm";

        BcryptHash.TryParse(hash, out _, out var error).Should().Be(valid, error);
    }

    [Fact]
    public void The_string_form_never_shows_the_hash()
    {
        BcryptHash.TryParse(WebConfigParserTests.DaveHash, out var hash, out _).Should().BeTrue();

        hash!.ToString().Should().Be("<bcrypt hash, cost 10>");
    }

    [Fact]
    public void Only_the_first_72_bytes_of_a_password_count_as_in_every_bcrypt()
    {
        var password = new string('p', 72);
        var hash = BCrypt.Net.BCrypt.HashPassword(password, 4);

        BCrypt.Net.BCrypt.Verify(password + "ignored", hash).Should().BeTrue();
        BCrypt.Net.BCrypt.Verify(password[..71], hash).Should().BeFalse();
    }
}
