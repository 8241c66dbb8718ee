using System.Runtime;
using System.Runtime.InteropServices;

namespace Exporter.Host;

/// <summary>
/// An exporter is idle nearly all the time: a scrape every few seconds, then nothing. After a
/// burst of allocation, the garbage and the heap space it leaves stay resident until the next
/// collection, which may be minutes away. Once the process has been quiet for a couple of seconds
/// after allocating, this runs one compacting collection and gives freed memory back to the OS
/// (the GC's own decommit, and glibc's malloc_trim for native buffers). Scraped every second it
/// never runs; scraped every 15 s, once between scrapes, for a few milliseconds. Measured in
/// docs/benchmarks.md.
/// </summary>
internal sealed partial class IdleMemoryTrimmer : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    // "Quiet": less than this allocated during one period. "Worth it": more than this since the last trim.
    private const long QuietBytes = 256 * 1024;
    private const long WorthBytes = 1024 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        var seen = GC.GetTotalAllocatedBytes();
        var trimmed = 0L;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var allocated = GC.GetTotalAllocatedBytes();
                var quiet = allocated - seen < QuietBytes;
                seen = allocated;
                if (!quiet || allocated - trimmed < WorthBytes)
                {
                    continue;
                }

                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                if (OperatingSystem.IsLinux())
                {
                    _ = MallocTrim(0);

                    // The first quiet moment comes after start-up: its code can leave the RSS (StartupPages).
                    if (trimmed == 0)
                    {
                        _ = StartupPages.Release(AppContext.BaseDirectory);
                    }
                }

                trimmed = seen = GC.GetTotalAllocatedBytes();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
