using Exporter.Core.Exposition;
using Exporter.Core.Linux;

namespace Exporter.Core.MacOS;

/// <summary>
/// macOS' memory figures under the /proc/meminfo names that mean the same thing, and node_exporter's
/// darwin names for the ones Linux has no field for:
/// <list type="bullet">
/// <item>MemTotal: hw.memsize;</item>
/// <item>MemFree: free pages less the speculative ones (which hold read-ahead data), as vm_stat's
/// "Pages free";</item>
/// <item>MemAvailable: free (with speculative) plus inactive pages, the estimate psutil and Zabbix use:
/// macOS has no kernel figure for it;</item>
/// <item>Active, Inactive: the page queues of those names;</item>
/// <item>SwapTotal, SwapFree: vm.swapusage's total and available swap;</item>
/// <item>wired_bytes, compressed_bytes (held by the compressor), purgeable_bytes: node_exporter's
/// darwin names.</item>
/// </list>
/// </summary>
internal static class MacOSMemory
{
    private static readonly MetricDescriptor Active = MeminfoCollector.Field("Active_bytes");
    private static readonly MetricDescriptor Inactive = MeminfoCollector.Field("Inactive_bytes");
    private static readonly MetricDescriptor Wired = MeminfoCollector.Field("wired_bytes");
    private static readonly MetricDescriptor Compressed = MeminfoCollector.Field("compressed_bytes");
    private static readonly MetricDescriptor Purgeable = MeminfoCollector.Field("purgeable_bytes");

    public static (MetricDescriptor Field, double Bytes)[] Fields(in VmStatistics64 vm, ulong pageSize, ulong memSize, in SwapUsage swap)
    {
        double page = pageSize;
        var speculative = Math.Min(vm.SpeculativeCount, vm.FreeCount);
        return
        [
            (MeminfoCollector.MemTotal, memSize),
            (MeminfoCollector.MemFree, (vm.FreeCount - speculative) * page),
            (MeminfoCollector.MemAvailable, ((double)vm.FreeCount + vm.InactiveCount) * page),
            (Active, vm.ActiveCount * page),
            (Inactive, vm.InactiveCount * page),
            (MeminfoCollector.SwapTotal, swap.Total),
            (MeminfoCollector.SwapFree, swap.Avail),
            (Wired, vm.WireCount * page),
            (Compressed, vm.CompressorPageCount * page),
            (Purgeable, vm.PurgeableCount * page),
        ];
    }
}
