namespace Exporter.RemoteWrite.Queue;

/// <summary>
/// Reads a segment at start-up and checks every record. A record whose checksum fails but whose
/// length fits is skipped (a flipped bit loses that collection only); a record that runs past the end
/// of the file, or whose length cannot be right, is a torn or corrupt tail: the file is cut there.
/// Both are counted in bytes. A file without the segment header is corrupt as a whole.
/// </summary>
internal static class SegmentScanner
{
    /// <summary>A valid record: where it starts, its size with the header, its time and samples.</summary>
    public readonly record struct Found(long Offset, int Length, long TimestampMs, int Samples);

    public sealed record Result(List<Found> Records, long ValidSize, long CorruptBytes, bool HeaderValid, int SkippedRecords);

    public static Result Scan(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var size = file.Length;
        var records = new List<Found>();
        Span<byte> header = stackalloc byte[QueueRecord.HeaderSize];
        var magic = header[..SegmentFile.Header.Length];
        if (size < magic.Length || file.Read(magic) != magic.Length || !magic.SequenceEqual(SegmentFile.Header))
        {
            return new Result(records, 0, size, HeaderValid: false, 0);
        }

        long offset = SegmentFile.Header.Length;
        long corrupt = 0;
        var skipped = 0;
        var payload = Array.Empty<byte>();
        while (offset < size)
        {
            var length = size - offset >= QueueRecord.HeaderSize && Read(file, offset, header) ? QueueRecord.PayloadLength(header) : -1;
            if (length < 0 || length > size - offset - QueueRecord.HeaderSize)
            {
                // Torn (the write stopped part-way) or a length that cannot be trusted: nothing after it can be framed.
                corrupt += size - offset;
                file.SetLength(offset);
                break;
            }

            if (payload.Length < length)
            {
                payload = new byte[Math.Max(length, payload.Length * 2)];
            }

            var body = payload.AsSpan(0, length);
            if (Read(file, offset + QueueRecord.HeaderSize, body) && QueueRecord.IsValid(header, body))
            {
                records.Add(new Found(offset, QueueRecord.HeaderSize + length, QueueRecord.Timestamp(header), QueueRecord.Samples(header)));
            }
            else
            {
                corrupt += QueueRecord.HeaderSize + length;
                skipped++;
            }

            offset += QueueRecord.HeaderSize + length;
        }

        return new Result(records, Math.Min(offset, size), corrupt, HeaderValid: true, skipped);
    }

    private static bool Read(FileStream file, long offset, Span<byte> into)
    {
        file.Position = offset;
        file.ReadExactly(into);
        return true;
    }
}
