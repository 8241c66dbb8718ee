namespace Exporter.Core.Windows;

/// <summary>One physical disk's node_disk_* values, in node_exporter's units (bytes, seconds).</summary>
internal readonly record struct DiskTotals(
    double ReadsCompleted,
    double ReadBytes,
    double ReadSeconds,
    double WritesCompleted,
    double WrittenBytes,
    double WriteSeconds,
    double IoNow,
    double IoSeconds);

/// <summary>
/// What the previous reading of a disk left behind: the raw 32-bit operation counts with their
/// widened totals, and the busy-time origin.
/// </summary>
internal sealed record DiskHistory(uint RawReads, ulong Reads, uint RawWrites, ulong Writes, long BusyOrigin, double IoSeconds);

/// <summary>
/// Turns DISK_PERFORMANCE (IOCTL_DISK_PERFORMANCE) into node_disk_* values with Linux's meanings
/// (Documentation/admin-guide/iostats.rst):
/// <list type="bullet">
/// <item>read/written bytes and read/write times as they are (times from 100 ns to seconds);</item>
/// <item>reads and writes completed: ReadCount and WriteCount are 32-bit and wrap, so they are
/// widened to 64 bits across readings;</item>
/// <item>io_now: QueueDepth, the requests in flight;</item>
/// <item>io_time: the time the disk had requests in flight. The driver counts the time it had none
/// (IdleTime, up to the moment of the query when the disk is idle) and stamps the query with the
/// system time (QueryTime), both in 100 ns, so QueryTime − IdleTime grows by exactly the busy time.
/// Counting may start at boot or only with the first query (the IOCTL turns the counters on), so the
/// busy time is counted from the exporter's first reading of the disk: a counter from zero, for rate().</item>
/// </list>
/// </summary>
internal static class DiskCounters
{
    private const double TicksPerSecond = 10_000_000;

    public static (DiskTotals Totals, DiskHistory History) Next(in DiskPerformance disk, DiskHistory? previous)
    {
        var busy = disk.QueryTime - disk.IdleTime;
        var history = previous is null
            ? new DiskHistory(disk.ReadCount, disk.ReadCount, disk.WriteCount, disk.WriteCount, busy, 0)
            : new DiskHistory(
                disk.ReadCount,
                previous.Reads + unchecked(disk.ReadCount - previous.RawReads),
                disk.WriteCount,
                previous.Writes + unchecked(disk.WriteCount - previous.RawWrites),
                previous.BusyOrigin,

                // Never backwards, should the clock behind QueryTime be set back.
                Math.Max(previous.IoSeconds, (busy - previous.BusyOrigin) / TicksPerSecond));

        return (new DiskTotals(
            history.Reads,
            disk.BytesRead,
            disk.ReadTime / TicksPerSecond,
            history.Writes,
            disk.BytesWritten,
            disk.WriteTime / TicksPerSecond,
            disk.QueueDepth,
            history.IoSeconds), history);
    }
}
