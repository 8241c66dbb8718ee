namespace Exporter.Core.Collection;

/// <summary>
/// A collector that never blocks: it reads what the kernel answers from memory (procfs, sysfs
/// counters, a system call) and returns. It runs on the scrape's own thread, one after the other
/// with the other inline collectors, instead of on a task of its own: a thread hop costs more than
/// reading /proc/loadavg. Collectors that may block (statfs on a dead NFS mount, a directory on a
/// network file system, a driver that talks to hardware, network calls) do not implement this and
/// run apart, each bounded by the timeout.
/// </summary>
internal interface IInlineCollector : ICollector
{
    /// <summary>Whether it runs inline now (e.g. the textfile collector only while it has no directory).</summary>
    bool RunsInline => true;
}
