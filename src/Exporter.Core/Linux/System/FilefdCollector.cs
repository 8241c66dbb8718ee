using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>node_filefd_allocated and node_filefd_maximum from /proc/sys/fs/file-nr.</summary>
internal sealed class FilefdCollector(HostPaths paths) : IInlineCollector
{
    private static readonly MetricDescriptor Allocated = new("node_filefd_allocated", "File descriptor statistics: allocated.", MetricType.Gauge);
    private static readonly MetricDescriptor Maximum = new("node_filefd_maximum", "File descriptor statistics: maximum.", MetricType.Gauge);

    public string Name => "filefd";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var text = ProcFile.TryRead(paths.Proc("sys", "fs", "file-nr"));
        if (text is null)
        {
            return Task.CompletedTask;
        }

        var (allocated, maximum) = FilefdParser.Parse(text);
        sink.Add(Allocated, allocated);
        sink.Add(Maximum, maximum);

        return Task.CompletedTask;
    }
}
