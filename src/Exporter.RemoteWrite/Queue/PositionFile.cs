using System.Buffers.Binary;

namespace Exporter.RemoteWrite.Queue;

/// <summary>
/// Where sending resumes: the segment and offset of the oldest unsent record, checksummed. Replaced
/// atomically (written beside, fsynced, renamed), so a crash leaves the old position or the new one.
/// </summary>
internal static class PositionFile
{
    private const int Size = 20;

    public static (long Segment, long Offset)? Read(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length != Size || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)) != Crc32C.Compute(bytes.AsSpan(0, 16)))
            {
                throw new InvalidDataException("position file is damaged");
            }

            return (BinaryPrimitives.ReadInt64LittleEndian(bytes), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8)));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public static void Write(string path, long segment, long offset)
    {
        Span<byte> bytes = stackalloc byte[Size];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, segment);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], offset);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[16..], Crc32C.Compute(bytes[..16]));
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
