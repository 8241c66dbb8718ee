namespace Exporter.Host.Web;

/// <summary>
/// The current token bucket: kept across reloads while rate_limit stays the same, replaced (full)
/// when it changes. No bucket when the limit is off.
/// </summary>
internal sealed class RateLimiter(TimeProvider time)
{
    private volatile TokenBucket? _bucket;

    public bool Allows(RateLimitConfig config)
    {
        if (!config.Enabled)
        {
            return true;
        }

        var bucket = _bucket;
        if (bucket is null || bucket.Config != config)
        {
            // Two requests racing here may each make one; either is a valid full bucket.
            _bucket = bucket = new TokenBucket(config, time);
        }

        return bucket.TryTake();
    }
}
