namespace Exporter.Host.Web;

/// <summary>
/// What a file looked like: modification time and size, from one stat(2). Comparing stamps tells
/// a changed file without reading it, so checking for a reload on every request costs a few
/// microseconds (exporter-toolkit re-reads and re-parses the file per request instead).
/// </summary>
internal readonly record struct FileStamp(string Path, long LastWriteTicks, long Length)
{
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(path, info.LastWriteTimeUtc.Ticks, info.Length) : new FileStamp(path, 0, -1);
    }

    public bool Changed => !Equals(Of(Path));
}
