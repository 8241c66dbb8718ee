namespace Exporter.RemoteWrite.Queue;

/// <summary>
/// The collections waiting for one receiver, oldest first. The collection loop appends; the sender
/// reads a batch from the head, sends it, and commits it (sent, or dropped as rejected), and only then
/// is it gone. When the queue is full, appending drops the oldest records.
/// </summary>
internal interface IPushQueue : IDisposable
{
    /// <summary>Adds one collection; never waits for the sender.</summary>
    void Append(ReadOnlySpan<byte> payload, long timestampMs, int samples);

    /// <summary>The oldest unsent records, at most about <paramref name="maxBytes"/> (at least one); null when empty.</summary>
    QueueBatch? Read(int maxBytes);

    /// <summary>Whether the batch's records are still at the head (not dropped meanwhile to make room).</summary>
    bool IsHead(QueueBatch batch);

    /// <summary>Removes the batch's records (those still queued).</summary>
    void Commit(QueueBatch batch);

    /// <summary>Completes when there is something to read.</summary>
    Task WaitAsync(CancellationToken cancellationToken);

    QueueState State { get; }

    /// <summary>The time of the newest record ever appended (0 when none), sent or not, recovered at start.</summary>
    long LastTimestampMs { get; }
}

/// <summary>Records read from the head of a queue: their payloads, samples and sequence numbers.</summary>
internal sealed record QueueBatch(IReadOnlyList<ReadOnlyMemory<byte>> Payloads, int Samples, long FirstSequence, long LastSequence, long FirstTimestampMs);

/// <summary>What a queue holds and what it lost, for the self-metrics.</summary>
internal readonly record struct QueueState(
    long Bytes,
    long Records,
    long Samples,
    long? OldestTimestampMs,
    long DroppedSamples,
    long CorruptBytes,
    long MaxBytes);
