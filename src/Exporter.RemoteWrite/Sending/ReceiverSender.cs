using Exporter.RemoteWrite.Protocol;
using Exporter.RemoteWrite.Queue;
using Microsoft.Extensions.Logging;

namespace Exporter.RemoteWrite.Sending;

/// <summary>
/// Drains one receiver's queue, oldest first, one request at a time, so each series' samples arrive
/// in time order. A batch is retried (network errors, timeouts, 5xx, 429) until it is sent, with
/// capped exponential backoff or the receiver's Retry-After; a batch the receiver rejects (another
/// 4xx) is dropped and counted, and the next one goes. Only then does it leave the queue. Sending
/// never holds up collecting: the collection loop appends to the queue on its own.
/// </summary>
internal sealed class ReceiverSender(Receiver receiver, MetadataSource metadata, Backoff backoff, TimeProvider time, ILogger logger)
{
    /// <summary>Most stored (compressed) bytes per request: about 2-5 MB of WriteRequest, far below receivers' limits.</summary>
    internal const int MaxBatchBytes = 512 * 1024;

    private readonly BatchBody _body = new();
    private readonly HashSet<int> _rejectionsLogged = [];
    private long _metadataVersion = -1;
    private DateTimeOffset _metadataSentAt;
    private int _failures;

    public bool HasUnsent => receiver.Queue.State.Records > 0;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await receiver.Queue.WaitAsync(stoppingToken);
                await SendNextAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                // The queue's disk failed under us: say so, and try again a little later.
                RemoteWriteLog.QueueError(logger, receiver.Settings.SafeUrl, e.Message);
                await Task.Delay(backoff.Delay(10, null), time, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Sends the oldest batch until it is sent or dropped. Returns false without having sent it when
    /// a retry was needed and <paramref name="retry"/> is false (a last flush at shutdown).
    /// </summary>
    internal async Task<bool> SendNextAsync(CancellationToken cancellationToken, bool retry = true)
    {
        var batch = receiver.Queue.Read(MaxBatchBytes);
        if (batch is null)
        {
            return true;
        }

        var snapshot = metadata.Current;
        var withMetadata = snapshot.Bytes.Length > 0
            && (snapshot.Version != _metadataVersion || time.GetUtcNow() - _metadataSentAt >= MetadataSource.ResendInterval);
        var body = _body.Build(batch.Payloads, withMetadata ? snapshot.Bytes : []);
        for (var attempt = 0; ; attempt++)
        {
            var result = await receiver.Client.SendAsync(body, cancellationToken);
            switch (result.Outcome)
            {
                case SendOutcome.Sent:
                    receiver.Queue.Commit(batch);
                    receiver.Stats.Sent(batch.Samples, time.GetUtcNow().ToUnixTimeMilliseconds());
                    if (withMetadata)
                    {
                        (_metadataVersion, _metadataSentAt) = (snapshot.Version, time.GetUtcNow());
                    }

                    if (_failures > 0)
                    {
                        RemoteWriteLog.Recovered(logger, receiver.Settings.SafeUrl, _failures);
                        _failures = 0;
                    }

                    return true;

                case SendOutcome.Rejected:
                    receiver.Queue.Commit(batch);
                    receiver.Stats.Rejected(batch.Samples);
                    if (_rejectionsLogged.Add(result.Status))
                    {
                        RemoteWriteLog.Rejected(logger, receiver.Settings.SafeUrl, batch.Samples, result.Reason);
                    }

                    return true;

                default:
                    receiver.Stats.Failed(batch.Samples);
                    if (_failures++ == 0)
                    {
                        RemoteWriteLog.Failing(logger, receiver.Settings.SafeUrl, result.Reason);
                    }

                    if (!retry)
                    {
                        return false;
                    }

                    await Task.Delay(backoff.Delay(attempt, result.RetryAfter), time, cancellationToken);

                    // Dropped meanwhile to make room (a full queue in a long outage): start from the new head.
                    if (!receiver.Queue.IsHead(batch))
                    {
                        return true;
                    }

                    receiver.Stats.Retried(batch.Samples);
                    break;
            }
        }
    }
}
