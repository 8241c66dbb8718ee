using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Exporter.Core.MacOS;

namespace Exporter.Core.Tests.MacOS;

public sealed class MacOSMemoryTests
{
    // Apple silicon's 16 KiB pages.
    private const ulong Page = 16384;

    [Fact]
    public void Fields_take_meminfo_names_where_the_meaning_is_the_same_and_node_exporters_darwin_names_elsewhere()
    {
        var vm = new VmStatistics64
        {
            FreeCount = 1000,
            SpeculativeCount = 200,
            ActiveCount = 3000,
            InactiveCount = 4000,
            WireCount = 500,
            CompressorPageCount = 600,
            PurgeableCount = 70,
        };
        var swap = new SwapUsage { Total = 2UL << 30, Avail = 1UL << 30, Used = 1UL << 30, PageSize = 16384 };

        var fields = MacOSMemory.Fields(vm, Page, memSize: 16UL << 30, swap).ToDictionary(f => f.Field.Name, f => f.Bytes);

        fields.Should().Equal(new Dictionary<string, double>
        {
            ["node_memory_MemTotal_bytes"] = 16L << 30,
            ["node_memory_MemFree_bytes"] = 800 * Page,
            ["node_memory_MemAvailable_bytes"] = 5000 * Page,
            ["node_memory_Active_bytes"] = 3000 * Page,
            ["node_memory_Inactive_bytes"] = 4000 * Page,
            ["node_memory_SwapTotal_bytes"] = 2L << 30,
            ["node_memory_SwapFree_bytes"] = 1L << 30,
            ["node_memory_wired_bytes"] = 500 * Page,
            ["node_memory_compressed_bytes"] = 600 * Page,
            ["node_memory_purgeable_bytes"] = 70 * Page,
        });
    }

    [Fact]
    public void The_structs_have_the_native_layout()
    {
        Unsafe.SizeOf<VmStatistics64>().Should().Be(152, "HOST_VM_INFO64_COUNT is 38 integer_t");
        Marshal.OffsetOf<VmStatistics64>(nameof(VmStatistics64.PurgeableCount)).Should().Be(88);
        Marshal.OffsetOf<VmStatistics64>(nameof(VmStatistics64.CompressorPageCount)).Should().Be(128);
        Marshal.OffsetOf<VmStatistics64>(nameof(VmStatistics64.TotalUncompressedPagesInCompressor)).Should().Be(144);
        Unsafe.SizeOf<SwapUsage>().Should().Be(32, "struct xsw_usage");
    }
}
