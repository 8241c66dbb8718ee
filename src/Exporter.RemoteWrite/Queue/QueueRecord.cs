using System.Buffers.Binary;

namespace Exporter.RemoteWrite.Queue;

/// <summary>
/// One collection in the queue: the snappy-compressed WriteRequest timeseries of that collection,
/// with the collection's time and sample count. On disk a record is
/// <c>length u32 | crc32c u32 | timestamp i64 | samples i32 | payload</c>, little-endian; the checksum
/// covers the length and everything after the checksum, so a torn write or a flipped bit anywhere in
/// the record is detected.
/// </summary>
internal static class QueueRecord
{
    public const int HeaderSize = 20;

    /// <summary>Larger than any collection; a bigger length field is corruption, not a record.</summary>
    public const int MaxPayload = 256 << 20;

    public static void WriteHeader(Span<byte> header, ReadOnlySpan<byte> payload, long timestampMs, int samples)
    {
        BinaryPrimitives.WriteInt32LittleEndian(header, payload.Length);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], timestampMs);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], samples);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Checksum(header, payload));
    }

    /// <summary>The payload length a header claims, or -1 when it cannot be a record's.</summary>
    public static int PayloadLength(ReadOnlySpan<byte> header)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        return length is < 0 or > MaxPayload ? -1 : length;
    }

    public static bool IsValid(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload) =>
        BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) == Checksum(header, payload);

    public static long Timestamp(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadInt64LittleEndian(header[8..]);

    public static int Samples(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadInt32LittleEndian(header[16..]);

    private static uint Checksum(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload) =>
        Crc32C.Finish(Crc32C.Append(Crc32C.Append(Crc32C.Append(Crc32C.Start, header[..4]), header[8..HeaderSize]), payload));
}
