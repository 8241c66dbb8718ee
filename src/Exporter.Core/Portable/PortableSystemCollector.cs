using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Portable;

/// <summary>
/// CPU count, boot time, clock and memory from .NET's own APIs, for operating systems without
/// procfs. node_exporter has no CPU-count metric (dashboards count node_cpu_seconds_total's cpu
/// label, which .NET cannot give), so that one has its own name.
/// </summary>
/// <param name="clock">The clock node_time_seconds and the boot time are read from.</param>
/// <param name="memory">Whether to report node_memory_MemTotal_bytes and MemAvailable_bytes (off where
/// a system collector reports memory).</param>
internal sealed class PortableSystemCollector(TimeProvider clock, bool memory = true) : ICollector
{
    private static readonly MetricDescriptor Cpus = new(
        "portable_cpu_logical_count", "Logical processors this process can use (Environment.ProcessorCount).", MetricType.Gauge);

    // Shared with the Linux collectors: one definition of each name and its help.
    private static readonly MetricDescriptor BootTime = Linux.StatCollector.BootTime;
    private static readonly MetricDescriptor Time = Linux.TimeCollector.Now;

    private static readonly MetricDescriptor MemTotal = Linux.MeminfoCollector.MemTotal;
    private static readonly MetricDescriptor MemAvailable = Linux.MeminfoCollector.MemAvailable;

    public string Name => "portable_system";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        sink.Add(Cpus, Environment.ProcessorCount);
        sink.Add(Time, now);

        // TickCount64 counts from boot on Windows, Linux and macOS (it stops during suspend, so this
        // can be a little later than the real boot on a laptop).
        sink.Add(BootTime, Math.Round(now - (Environment.TickCount64 / 1000.0)));

        // The GC's view of physical memory: the machine's, or the container's limit when there is one.
        // Its memory load is measured at each garbage collection, which the exporter's own work causes
        // every few scrapes, so MemAvailable is as old as the last collection.
        var gc = GC.GetGCMemoryInfo();
        if (memory && gc.TotalAvailableMemoryBytes > 0)
        {
            sink.Add(MemTotal, gc.TotalAvailableMemoryBytes);
            if (gc.MemoryLoadBytes > 0)
            {
                sink.Add(MemAvailable, Math.Max(0, gc.TotalAvailableMemoryBytes - gc.MemoryLoadBytes));
            }
        }

        return Task.CompletedTask;
    }
}
