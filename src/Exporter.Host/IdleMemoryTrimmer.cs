using System.Runtime;
using System.Runtime.InteropServices;

namespace Exporter.Host;

/// <summary>
/// An exporter is idle nearly all the time: a scrape every few seconds, then nothing. After a
/// burst of allocation, the garbage and the heap space it leaves stay resident until the next
/// collection, which may be minutes away. Every few seconds, if anything was allocated since the
/// last look, this runs one compacting collection and gives freed memory back to the OS
/// (the GC's own decommit, and glibc's malloc_trim for native buffers). Measured in
/// docs/benchmarks.md; it costs about a millisecond per trim.
/// </summary>
internal sealed partial class IdleMemoryTrimmer : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);
    private const long Threshold = 1024 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        var seen = GC.GetTotalAllocatedBytes();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var allocated = GC.GetTotalAllocatedBytes();
                if (allocated - seen < Threshold)
                {
                    continue;
                }

                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                if (OperatingSystem.IsLinux())
                {
                    _ = MallocTrim(0);
                }

                seen = GC.GetTotalAllocatedBytes();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
