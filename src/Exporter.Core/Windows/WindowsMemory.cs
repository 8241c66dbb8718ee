using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Exporter.Core.Exposition;
using Exporter.Core.Linux;

namespace Exporter.Core.Windows;

/// <summary>The page files' size and use, in pages, summed over all page files.</summary>
internal readonly record struct PageFileTotals(ulong TotalPages, ulong InUsePages);

/// <summary>
/// Windows' memory figures under the /proc/meminfo field names that mean the same thing:
/// <list type="bullet">
/// <item>MemTotal: physical memory (ullTotalPhys);</item>
/// <item>MemAvailable: memory that can be given to programs without writing anything to the page
/// file: the free, zeroed and standby lists (ullAvailPhys), Linux's MemAvailable estimate;</item>
/// <item>CommitLimit and Committed_AS: the commit limit (physical memory plus page files,
/// ullTotalPageFile) and the commit charge (ullTotalPageFile − ullAvailPageFile), as Linux's
/// fields of those names;</item>
/// <item>SwapTotal and SwapFree: the page files' size and the part not in use, summed over the page
/// files (SystemPageFileInformation). Where the system does not list them (Wine), there are no swap
/// series: the commit figures cannot tell page file use apart from memory committed but never
/// touched, so they are no estimate of it.</item>
/// </list>
/// </summary>
internal static class WindowsMemory
{
    private static readonly MetricDescriptor CommitLimit = MeminfoCollector.Field("CommitLimit_bytes");
    private static readonly MetricDescriptor CommittedAs = MeminfoCollector.Field("Committed_AS_bytes");

    /// <summary>The fields; SwapTotal and SwapFree only when the system lists its page files.</summary>
    public static (MetricDescriptor Field, double Bytes)[] Fields(in MemoryStatusEx status, PageFileTotals? pageFiles, long pageSize)
    {
        (MetricDescriptor, double)[] memory =
        [
            (MeminfoCollector.MemTotal, status.TotalPhys),
            (MeminfoCollector.MemAvailable, status.AvailPhys),
            (CommitLimit, status.TotalPageFile),
            (CommittedAs, status.TotalPageFile - Math.Min(status.AvailPageFile, status.TotalPageFile)),
        ];
        if (pageFiles is not { } files)
        {
            return memory;
        }

        var free = files.TotalPages - Math.Min(files.InUsePages, files.TotalPages);
        return [.. memory, (MeminfoCollector.SwapTotal, (double)files.TotalPages * pageSize), (MeminfoCollector.SwapFree, (double)free * pageSize)];
    }

    /// <summary>
    /// Sums a SystemPageFileInformation answer: SYSTEM_PAGEFILE_INFORMATION entries chained by
    /// NextEntryOffset (0 on the last). An empty answer is a system without page files.
    /// </summary>
    public static PageFileTotals SumPageFiles(ReadOnlySpan<byte> answer)
    {
        ulong total = 0, inUse = 0;
        var offset = 0;
        var size = Unsafe.SizeOf<PageFileInformation>();
        while (answer.Length - offset >= size)
        {
            var entry = MemoryMarshal.Read<PageFileInformation>(answer[offset..]);
            total += entry.TotalSize;
            inUse += entry.TotalInUse;
            if (entry.NextEntryOffset == 0)
            {
                break;
            }

            offset += checked((int)entry.NextEntryOffset);
        }

        return new PageFileTotals(total, inUse);
    }
}
