namespace Exporter.RemoteWrite.Tests.Queue;

/// <summary>A directory under /tmp for one test, removed afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("push-queue-").FullName;

    public string[] Segments => [.. Directory.GetFiles(Path, "*.seg").Order(StringComparer.Ordinal)];

    public long SegmentBytes => Segments.Sum(f => new FileInfo(f).Length);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
