namespace Exporter.RemoteWrite.Queue;

/// <summary>
/// The queue without a buffer path: records in memory, at most <c>maxBytes</c> of payload; appending
/// past that drops the oldest records (counted). Lost when the process stops.
/// </summary>
internal sealed class MemoryQueue(long maxBytes) : IPushQueue
{
    private readonly Lock _lock = new();
    private readonly Queue<Entry> _entries = new();
    private readonly QueueSignal _signal = new();
    private long _nextSequence;
    private long _bytes;
    private long _samples;
    private long _dropped;
    private long _lastTimestampMs;

    public QueueState State
    {
        get
        {
            lock (_lock)
            {
                return new QueueState(_bytes, _entries.Count, _samples, _entries.Count > 0 ? _entries.Peek().TimestampMs : null, _dropped, 0, maxBytes);
            }
        }
    }

    public long LastTimestampMs => Interlocked.Read(ref _lastTimestampMs);

    public void Append(ReadOnlySpan<byte> payload, long timestampMs, int samples)
    {
        var entry = new Entry(0, payload.ToArray(), timestampMs, samples);
        lock (_lock)
        {
            _entries.Enqueue(entry with { Sequence = _nextSequence++ });
            _bytes += entry.Payload.Length;
            _samples += samples;
            _lastTimestampMs = timestampMs;
            while (_bytes > maxBytes && _entries.Count > 1)
            {
                var oldest = Remove();
                _dropped += oldest.Samples;
            }

            _signal.Set();
        }
    }

    public QueueBatch? Read(int maxBytes)
    {
        lock (_lock)
        {
            if (_entries.Count == 0)
            {
                return null;
            }

            var payloads = new List<ReadOnlyMemory<byte>>();
            var bytes = 0;
            var samples = 0;
            Entry last = default;
            foreach (var entry in _entries)
            {
                if (payloads.Count > 0 && bytes + entry.Payload.Length > maxBytes)
                {
                    break;
                }

                payloads.Add(entry.Payload);
                bytes += entry.Payload.Length;
                samples += entry.Samples;
                last = entry;
            }

            var first = _entries.Peek();
            return new QueueBatch(payloads, samples, first.Sequence, last.Sequence, first.TimestampMs);
        }
    }

    public bool IsHead(QueueBatch batch)
    {
        lock (_lock)
        {
            return _entries.Count > 0 && _entries.Peek().Sequence == batch.FirstSequence;
        }
    }

    public void Commit(QueueBatch batch)
    {
        lock (_lock)
        {
            while (_entries.Count > 0 && _entries.Peek().Sequence <= batch.LastSequence)
            {
                Remove();
            }
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _signal.WaitAsync(_entries.Count > 0, cancellationToken);
        }
    }

    public void Dispose()
    {
    }

    private Entry Remove()
    {
        var entry = _entries.Dequeue();
        _bytes -= entry.Payload.Length;
        _samples -= entry.Samples;
        return entry;
    }

    private readonly record struct Entry(long Sequence, byte[] Payload, long TimestampMs, int Samples);
}
