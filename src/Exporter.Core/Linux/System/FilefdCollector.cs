using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>node_filefd_allocated and node_filefd_maximum from /proc/sys/fs/file-nr.</summary>
public sealed class FilefdCollector(HostPaths paths) : ICollector
{
    private static readonly MetricDescriptor Allocated = new("node_filefd_allocated", "File descriptor statistics: allocated.", MetricType.Gauge);
    private static readonly MetricDescriptor Maximum = new("node_filefd_maximum", "File descriptor statistics: maximum.", MetricType.Gauge);

    public string Name => "filefd";

    public async Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var text = await ProcFile.TryReadAsync(paths.Proc("sys", "fs", "file-nr"), cancellationToken);
        if (text is null)
        {
            return;
        }

        var (allocated, maximum) = FilefdParser.Parse(text);
        sink.Add(Allocated, allocated);
        sink.Add(Maximum, maximum);
    }
}
