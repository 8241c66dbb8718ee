using Microsoft.Extensions.Logging;

namespace Exporter.RemoteWrite;

/// <summary>Push mode's log messages. URLs are logged without credentials or query; secrets never.</summary>
internal static partial class RemoteWriteLog
{
    [LoggerMessage(1, LogLevel.Information, "Pushing to {Receivers} every {Interval}")]
    public static partial void Pushing(ILogger logger, string receivers, TimeSpan interval);

    [LoggerMessage(2, LogLevel.Debug, "Collection at {TimestampMs} queued: {Samples} samples, {Bytes} bytes")]
    public static partial void Collected(ILogger logger, long timestampMs, int samples, int bytes);

    [LoggerMessage(3, LogLevel.Error, "Push collection failed")]
    public static partial void CollectionFailed(ILogger logger, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Push to {Url} failing, retrying with backoff (unsent data stays queued): {Reason}")]
    public static partial void Failing(ILogger logger, string url, string reason);

    [LoggerMessage(5, LogLevel.Information, "Push to {Url} recovered after {Failures} failed attempts")]
    public static partial void Recovered(ILogger logger, string url, int failures);

    [LoggerMessage(6, LogLevel.Warning, "Push to {Url}: the receiver rejected {Samples} samples, which are dropped (exporter_push_samples_dropped_total{{reason=\"rejected\"}}; logged once per status): {Reason}")]
    public static partial void Rejected(ILogger logger, string url, int samples, string reason);

    [LoggerMessage(7, LogLevel.Error, "Push queue for {Url}: {Message}")]
    public static partial void QueueError(ILogger logger, string url, string message);

    [LoggerMessage(8, LogLevel.Warning, "Push queue {Directory} is full ({MaxBytes} bytes): dropping the oldest data (exporter_push_samples_dropped_total{{reason=\"queue_full\"}}; logged once)")]
    public static partial void QueueFull(ILogger logger, string directory, long maxBytes);

    [LoggerMessage(9, LogLevel.Warning, "Push queue segment {Segment} is damaged (torn write or corrupt data): {Bytes} bytes cut, {Records} records skipped, header valid: {HeaderValid}")]
    public static partial void SegmentDamaged(ILogger logger, string segment, long bytes, int records, bool headerValid);

    [LoggerMessage(10, LogLevel.Warning, "Push queue {Directory}: the send position is damaged; resending from the oldest queued data")]
    public static partial void PositionDamaged(ILogger logger, string directory);

    [LoggerMessage(11, LogLevel.Information, "Push queue {Directory}: resuming with {Records} unsent collections ({Bytes} bytes)")]
    public static partial void Resuming(ILogger logger, string directory, long records, long bytes);
}
