using System.Globalization;

namespace Exporter.RemoteWrite.Queue;

/// <summary>
/// A segment of the on-disk queue: <c>NNNNNNNNNNNNNNNNNNNN.seg</c>, numbered in write order, an
/// 8-byte header (magic and format version) and then records (<see cref="QueueRecord"/>).
/// </summary>
internal sealed class SegmentFile(long number, string path, long size)
{
    public const string Extension = ".seg";

    public static ReadOnlySpan<byte> Header => "EXPQ\u0001\0\0\0"u8;

    public long Number { get; } = number;

    public string Path { get; } = path;

    /// <summary>Bytes in the file, header included.</summary>
    public long Size { get; set; } = size;

    public static string FileName(long number) => number.ToString("D20", CultureInfo.InvariantCulture) + Extension;

    public static long? ParseNumber(string path) =>
        System.IO.Path.GetExtension(path) == Extension
        && long.TryParse(System.IO.Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
