using Exporter.Host.Web;
using Microsoft.Extensions.Time.Testing;

namespace Exporter.Core.Tests.Host.Web;

/// <summary>The rate limit behaves as golang.org/x/time/rate's Limiter.Allow, on a fake clock.</summary>
public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Starts_full_and_refuses_once_the_burst_is_spent()
    {
        var bucket = new TokenBucket(new RateLimitConfig(TimeSpan.FromSeconds(1), 3), _time);

        Enumerable.Range(0, 5).Select(_ => bucket.TryTake()).Should().Equal(true, true, true, false, false);
    }

    [Fact]
    public void Refills_one_token_per_interval_continuously()
    {
        var bucket = new TokenBucket(new RateLimitConfig(TimeSpan.FromSeconds(2), 2), _time);
        bucket.TryTake();
        bucket.TryTake();

        _time.Advance(TimeSpan.FromSeconds(1));
        bucket.TryTake().Should().BeFalse("half a token after half an interval");
        _time.Advance(TimeSpan.FromSeconds(1));
        bucket.TryTake().Should().BeTrue("the halves add up to a token");
        bucket.TryTake().Should().BeFalse();
    }

    [Fact]
    public void Never_holds_more_than_the_burst()
    {
        var bucket = new TokenBucket(new RateLimitConfig(TimeSpan.FromSeconds(1), 2), _time);

        _time.Advance(TimeSpan.FromHours(1));

        Enumerable.Range(0, 3).Select(_ => bucket.TryTake()).Should().Equal(true, true, false);
    }

    [Fact]
    public void The_limiter_keeps_its_bucket_while_the_setting_stays_and_starts_a_full_one_when_it_changes()
    {
        var limiter = new RateLimiter(_time);
        var one = new RateLimitConfig(TimeSpan.FromMinutes(1), 1);

        limiter.Allows(one).Should().BeTrue();
        limiter.Allows(one with { }).Should().BeFalse("an equal setting after a reload keeps the spent bucket");
        limiter.Allows(new RateLimitConfig(TimeSpan.FromMinutes(1), 2)).Should().BeTrue();
        limiter.Allows(RateLimitConfig.Off).Should().BeTrue();
    }
}
