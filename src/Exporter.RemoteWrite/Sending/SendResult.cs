namespace Exporter.RemoteWrite.Sending;

/// <summary>What became of one request.</summary>
internal enum SendOutcome
{
    /// <summary>2xx: stored.</summary>
    Sent,

    /// <summary>Network error, timeout, 5xx or 429: the same data is sent again after a delay.</summary>
    Retry,

    /// <summary>Any other status (400 for out-of-order samples, 413, ...): sending again cannot help, so it is dropped.</summary>
    Rejected,
}

/// <param name="Outcome">Sent, to retry, or rejected.</param>
/// <param name="Status">The HTTP status, 0 when no response came.</param>
/// <param name="RetryAfter">The receiver's Retry-After, when it sent one.</param>
/// <param name="Reason">What went wrong, for the log: the error or the start of the receiver's answer.</param>
internal readonly record struct SendResult(SendOutcome Outcome, int Status, TimeSpan? RetryAfter, string Reason);
