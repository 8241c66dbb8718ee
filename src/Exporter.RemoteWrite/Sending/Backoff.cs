namespace Exporter.RemoteWrite.Sending;

/// <summary>
/// Delays between attempts at one batch, as Prometheus' queue manager: the first retry after
/// <c>min</c>, doubling up to <c>max</c>; a receiver's Retry-After wins when it gives one (between
/// <c>min</c> and <see cref="MaxRetryAfter"/>, so a silly value cannot stall the queue for hours).
/// </summary>
internal sealed class Backoff(TimeSpan min, TimeSpan max)
{
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    /// <summary>The wait before retry number <paramref name="attempt"/> (0 for the first retry).</summary>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } after)
        {
            return after < min ? min : after > MaxRetryAfter ? MaxRetryAfter : after;
        }

        var delay = min.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        return delay >= max.TotalMilliseconds ? max : TimeSpan.FromMilliseconds(delay);
    }
}
