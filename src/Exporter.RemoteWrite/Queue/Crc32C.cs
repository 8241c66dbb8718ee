using System.Buffers.Binary;
using System.Numerics;

namespace Exporter.RemoteWrite.Queue;

/// <summary>
/// CRC-32C (Castagnoli), the checksum of the queue's records, as in ext4, iSCSI and Prometheus' WAL.
/// System.IO.Hashing has only CRC-32 (IEEE) and CRC-64; BitOperations.Crc32C uses the CPU's CRC32
/// instruction (SSE 4.2, ARMv8) and a table where there is none.
/// </summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Start, data));

    public const uint Start = uint.MaxValue;

    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return crc;
    }

    public static uint Finish(uint crc) => ~crc;
}
