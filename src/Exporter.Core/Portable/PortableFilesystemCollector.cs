using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Portable;

/// <summary>
/// node_filesystem_{size,free,avail}_bytes from DriveInfo: drives on Windows, mount points on
/// macOS. device is the drive's name (there is no block device name portably); pseudo file systems
/// with no size (proc, sysfs, cgroup...) are left out, as node_exporter leaves them out.
/// </summary>
internal sealed class PortableFilesystemCollector : ICollector
{
    // The same families as the Linux collector: one definition of each name and its help.
    private static readonly MetricDescriptor Size = Linux.FilesystemCollector.Size;
    private static readonly MetricDescriptor Free = Linux.FilesystemCollector.Free;
    private static readonly MetricDescriptor Avail = Linux.FilesystemCollector.Avail;

    public string Name => "portable_filesystem";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        // A file system mounted twice (a bind mount) is one series, as in node_exporter.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var drive in DriveInfo.GetDrives())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (!drive.IsReady || drive.TotalSize <= 0)
                {
                    continue;
                }

                var mount = drive.RootDirectory.FullName;
                if (!seen.Add(mount))
                {
                    continue;
                }

                var labels = new[] { drive.Name, drive.DriveFormat, mount };
                sink.Add(Size, drive.TotalSize, labels);
                sink.Add(Free, drive.TotalFreeSpace, labels);
                sink.Add(Avail, drive.AvailableFreeSpace, labels);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A drive that went away or that we may not stat: leave it out, as node_exporter does.
            }
        }

        return Task.CompletedTask;
    }
}
