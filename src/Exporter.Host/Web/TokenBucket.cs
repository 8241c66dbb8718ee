namespace Exporter.Host.Web;

/// <summary>
/// rate_limit as exporter-toolkit applies it (golang.org/x/time/rate): one bucket for all clients,
/// starting full at <c>burst</c> tokens and refilled continuously at one token per <c>interval</c>;
/// a request takes one token or is refused. Our own rather than System.Threading.RateLimiting's
/// TokenBucketRateLimiter: that one refills in steps from its own timer and reads the stopwatch
/// directly, so it could neither match Go's continuous refill nor run on a test's clock.
/// </summary>
internal sealed class TokenBucket(RateLimitConfig config, TimeProvider time)
{
    private readonly Lock _lock = new();
    private double _tokens = config.Burst;
    private long _last = time.GetTimestamp();

    public RateLimitConfig Config => config;

    public bool TryTake()
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(config.Burst, _tokens + (time.GetElapsedTime(_last, now) / config.Interval));
            _last = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }
}
