using Microsoft.Extensions.Logging;

namespace Exporter.RemoteWrite.Queue;

/// <summary>
/// The on-disk queue of one receiver: segment files of checksummed records and a position file that
/// says where sending resumes. Each collection is written and fsynced before the sender sees it; the
/// position is replaced atomically after each batch is sent. At start the segments are checked: a torn
/// or corrupt tail is cut off and counted, never fatal. When the files pass <c>maxBytes</c> the oldest
/// segment is deleted and its unsent samples counted as dropped, so the directory stays within the
/// bound (plus, at most, the record being appended).
/// </summary>
internal sealed class DiskQueue : IPushQueue
{
    private const string PositionName = "position";
    private const string LockName = "lock";

    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly long _segmentSize;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly List<SegmentFile> _segments = [];
    private readonly Queue<Entry> _unsent = new();
    private readonly QueueSignal _signal = new();
    private readonly FileStream _lockFile;
    private FileStream _writer = null!;
    private byte[] _readBuffer = new byte[64 * 1024];
    private long _nextSequence;
    private long _bytes;
    private long _samples;
    private long _dropped;
    private long _corruptBytes;
    private long _lastTimestampMs;
    private bool _dropLogged;

    private DiskQueue(string directory, long maxBytes, ILogger logger)
    {
        _directory = directory;
        _maxBytes = maxBytes;

        // Small enough that dropping the oldest segment gives back little more than needed, large
        // enough that a segment holds many collections.
        _segmentSize = Math.Clamp(maxBytes / 16, 16 << 10, 32 << 20);
        _logger = logger;
        Directory.CreateDirectory(directory);

        // Two processes appending to one queue would interleave records: the second one stops here.
        _lockFile = new FileStream(Path.Join(directory, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
    }

    public long SegmentSize => _segmentSize;

    public long LastTimestampMs => Interlocked.Read(ref _lastTimestampMs);

    public QueueState State
    {
        get
        {
            lock (_lock)
            {
                return new QueueState(_bytes, _unsent.Count, _samples, _unsent.Count > 0 ? _unsent.Peek().TimestampMs : null, _dropped, _corruptBytes, _maxBytes);
            }
        }
    }

    /// <summary>Opens (or creates) the queue in <paramref name="directory"/>, recovering what an earlier run left.</summary>
    public static DiskQueue Open(string directory, long maxBytes, ILogger logger)
    {
        var queue = new DiskQueue(directory, maxBytes, logger);
        try
        {
            queue.Recover();
            return queue;
        }
        catch
        {
            queue.Dispose();
            throw;
        }
    }

    public void Append(ReadOnlySpan<byte> payload, long timestampMs, int samples)
    {
        Span<byte> header = stackalloc byte[QueueRecord.HeaderSize];
        QueueRecord.WriteHeader(header, payload, timestampMs, samples);
        var length = QueueRecord.HeaderSize + payload.Length;
        lock (_lock)
        {
            var segment = _segments[^1];
            if (segment.Size > SegmentFile.Header.Length && segment.Size + length > _segmentSize)
            {
                segment = StartSegment(segment.Number + 1);
            }

            var offset = segment.Size;
            try
            {
                _writer.Write(header);
                _writer.Write(payload);
                _writer.Flush(flushToDisk: true);
            }
            catch (IOException)
            {
                // Disk full or failing: take back a partial record, so the next one is framed right.
                TryTruncate(offset);
                throw;
            }

            segment.Size += length;
            _unsent.Enqueue(new Entry(_nextSequence++, segment.Number, offset, length, timestampMs, samples));
            _bytes += length;
            _samples += samples;
            _lastTimestampMs = timestampMs;
            while (_segments.Sum(s => s.Size) > _maxBytes && _segments.Count > 1)
            {
                DropOldestSegment();
            }

            _signal.Set();
        }
    }

    public QueueBatch? Read(int maxBytes)
    {
        lock (_lock)
        {
            while (_unsent.Count > 0)
            {
                // A batch is the oldest records of one segment, read with one call.
                var first = _unsent.Peek();
                var entries = new List<Entry>();
                long bytes = 0;
                foreach (var entry in _unsent)
                {
                    if (entry.Segment != first.Segment || (entries.Count > 0 && bytes + entry.Length > maxBytes))
                    {
                        break;
                    }

                    entries.Add(entry);
                    bytes += entry.Length;
                }

                var batch = ReadRecords(entries);
                if (batch is not null)
                {
                    return batch;
                }
            }

            return null;
        }
    }

    public bool IsHead(QueueBatch batch)
    {
        lock (_lock)
        {
            return _unsent.Count > 0 && _unsent.Peek().Sequence == batch.FirstSequence;
        }
    }

    public void Commit(QueueBatch batch)
    {
        lock (_lock)
        {
            while (_unsent.Count > 0 && _unsent.Peek().Sequence <= batch.LastSequence)
            {
                Remove();
            }

            // Segments with nothing left to send go, except the one being written.
            while (_segments.Count > 1 && (_unsent.Count == 0 || _unsent.Peek().Segment > _segments[0].Number))
            {
                DeleteSegment(_segments[0]);
            }

            var (segment, offset) = _unsent.Count > 0 ? (_unsent.Peek().Segment, _unsent.Peek().Offset) : (_segments[^1].Number, _segments[^1].Size);
            PositionFile.Write(Path.Join(_directory, PositionName), segment, offset);
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _signal.WaitAsync(_unsent.Count > 0, cancellationToken);
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _lockFile.Dispose();
    }

    private void Recover()
    {
        (long Segment, long Offset) position = (0, 0);
        try
        {
            position = PositionFile.Read(Path.Join(_directory, PositionName)) ?? position;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // Resending from the oldest record: duplicates, which receivers drop, rather than a gap.
            RemoteWriteLog.PositionDamaged(_logger, _directory);
        }

        var files = Directory.EnumerateFiles(_directory, "*" + SegmentFile.Extension)
            .Select(path => (Path: path, Number: SegmentFile.ParseNumber(path)))
            .Where(f => f.Number is not null)
            .OrderBy(f => f.Number)
            .ToList();
        foreach (var (path, number) in files)
        {
            if (number < position.Segment)
            {
                File.Delete(path);
                continue;
            }

            var scan = SegmentScanner.Scan(path);
            if (scan.CorruptBytes > 0)
            {
                _corruptBytes += scan.CorruptBytes;
                RemoteWriteLog.SegmentDamaged(_logger, path, scan.CorruptBytes, scan.SkippedRecords, scan.HeaderValid);
            }

            if (!scan.HeaderValid)
            {
                File.Delete(path);
                continue;
            }

            _segments.Add(new SegmentFile(number!.Value, path, scan.ValidSize));
            _lastTimestampMs = scan.Records.Select(r => r.TimestampMs).Append(_lastTimestampMs).Max();
            foreach (var record in scan.Records.Where(r => number > position.Segment || r.Offset >= position.Offset))
            {
                _unsent.Enqueue(new Entry(_nextSequence++, number.Value, record.Offset, record.Length, record.TimestampMs, record.Samples));
                _bytes += record.Length;
                _samples += record.Samples;
            }
        }

        if (_segments.Count == 0)
        {
            StartSegment(Math.Max(position.Segment, 1));
        }
        else
        {
            _writer = new FileStream(_segments[^1].Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        }

        if (_unsent.Count > 0)
        {
            RemoteWriteLog.Resuming(_logger, _directory, _unsent.Count, _bytes);
        }
    }

    private SegmentFile StartSegment(long number)
    {
        _writer?.Dispose();
        var path = Path.Join(_directory, SegmentFile.FileName(number));
        _writer = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        _writer.Write(SegmentFile.Header);
        _writer.Flush(flushToDisk: true);
        var segment = new SegmentFile(number, path, SegmentFile.Header.Length);
        _segments.Add(segment);
        return segment;
    }

    private QueueBatch? ReadRecords(List<Entry> entries)
    {
        var first = entries[0];
        var last = entries[^1];
        var span = (int)(last.Offset + last.Length - first.Offset);
        if (_readBuffer.Length < span)
        {
            _readBuffer = new byte[Math.Max(span, _readBuffer.Length * 2)];
        }

        var segment = _segments.First(s => s.Number == first.Segment);
        using (var file = File.OpenHandle(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            if (RandomAccess.Read(file, _readBuffer.AsSpan(0, span), first.Offset) != span)
            {
                return Corrupt(first);
            }
        }

        var payloads = new List<ReadOnlyMemory<byte>>(entries.Count);
        var samples = 0;
        foreach (var entry in entries)
        {
            var at = (int)(entry.Offset - first.Offset);
            var header = _readBuffer.AsSpan(at, QueueRecord.HeaderSize);
            var payload = _readBuffer.AsMemory(at + QueueRecord.HeaderSize, entry.Length - QueueRecord.HeaderSize);
            if (QueueRecord.PayloadLength(header) != payload.Length || !QueueRecord.IsValid(header, payload.Span))
            {
                // Damaged since start-up (a failing disk): the records before it still go; the next
                // read starts at it and drops the rest of this segment, which cannot be trusted.
                return payloads.Count > 0 ? Batch(payloads, samples, first, entries[payloads.Count - 1]) : Corrupt(entry);
            }

            payloads.Add(payload);
            samples += entry.Samples;
        }

        return Batch(payloads, samples, first, last);
    }

    private static QueueBatch Batch(List<ReadOnlyMemory<byte>> payloads, int samples, Entry first, Entry last) =>
        new(payloads, samples, first.Sequence, last.Sequence, first.TimestampMs);

    /// <summary>Drops the head record, which failed its check, and the rest of its segment.</summary>
    private QueueBatch? Corrupt(Entry head)
    {
        long bytes = 0;
        while (_unsent.Count > 0 && _unsent.Peek().Segment == head.Segment)
        {
            bytes += Remove().Length;
        }

        _corruptBytes += bytes;
        RemoteWriteLog.SegmentDamaged(_logger, SegmentFile.FileName(head.Segment), bytes, -1, headerValid: true);
        return null;
    }

    private void DropOldestSegment()
    {
        var oldest = _segments[0];
        long samples = 0;
        while (_unsent.Count > 0 && _unsent.Peek().Segment == oldest.Number)
        {
            samples += Remove().Samples;
        }

        _dropped += samples;
        DeleteSegment(oldest);
        if (samples > 0 && !_dropLogged)
        {
            _dropLogged = true;
            RemoteWriteLog.QueueFull(_logger, _directory, _maxBytes);
        }
    }

    private void DeleteSegment(SegmentFile segment)
    {
        _segments.Remove(segment);
        File.Delete(segment.Path);
    }

    private Entry Remove()
    {
        var entry = _unsent.Dequeue();
        _bytes -= entry.Length;
        _samples -= entry.Samples;
        return entry;
    }

    private void TryTruncate(long length)
    {
        try
        {
            _writer.SetLength(length);
        }
        catch (IOException)
        {
            // The start-up scan cuts it off instead.
        }
    }

    /// <summary>An unsent record: where it is, and what it holds.</summary>
    private readonly record struct Entry(long Sequence, long Segment, long Offset, int Length, long TimestampMs, int Samples);
}
