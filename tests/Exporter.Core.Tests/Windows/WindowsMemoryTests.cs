using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Exporter.Core.Windows;

namespace Exporter.Core.Tests.Windows;

public sealed class WindowsMemoryTests
{
    private const long Page = 4096;

    private static readonly MemoryStatusEx Status = new()
    {
        Length = 64,
        TotalPhys = 16UL << 30,
        AvailPhys = 10UL << 30,
        TotalPageFile = 20UL << 30,
        AvailPageFile = 12UL << 30,
    };

    [Fact]
    public void Fields_take_meminfo_names_with_the_same_meaning()
    {
        var fields = Fields(Status, new PageFileTotals(TotalPages: 1_048_576, InUsePages: 262_144));

        fields.Should().Equal(new Dictionary<string, double>
        {
            ["node_memory_MemTotal_bytes"] = 16L << 30,
            ["node_memory_MemAvailable_bytes"] = 10L << 30,
            ["node_memory_CommitLimit_bytes"] = 20L << 30,
            ["node_memory_Committed_AS_bytes"] = 8L << 30,
            ["node_memory_SwapTotal_bytes"] = 4L << 30,
            ["node_memory_SwapFree_bytes"] = 3L << 30,
        });
    }

    [Fact]
    public void Without_a_page_file_list_there_are_no_swap_series()
    {
        var fields = Fields(Status, pageFiles: null);

        fields.Keys.Should().NotContain(k => k.Contains("Swap", StringComparison.Ordinal));
        fields.Should().ContainKey("node_memory_MemTotal_bytes");
    }

    [Fact]
    public void Page_files_are_summed_along_their_chain()
    {
        // Two entries: the head is 16 bytes, followed by a UNICODE_STRING and the name itself.
        var answer = new byte[96];
        Write(answer, 0, new PageFileInformation { NextEntryOffset = 48, TotalSize = 1000, TotalInUse = 100, PeakUsage = 500 });
        Write(answer, 48, new PageFileInformation { NextEntryOffset = 0, TotalSize = 3000, TotalInUse = 300, PeakUsage = 900 });

        WindowsMemory.SumPageFiles(answer).Should().Be(new PageFileTotals(4000, 400));
    }

    [Fact]
    public void An_empty_answer_is_a_system_without_page_files() =>
        WindowsMemory.SumPageFiles([]).Should().Be(new PageFileTotals(0, 0));

    [Fact]
    public void Use_beyond_the_size_counts_as_full() =>
        Fields(Status, new PageFileTotals(10, 12))["node_memory_SwapFree_bytes"].Should().Be(0);

    [Fact]
    public void The_structs_have_the_native_sizes()
    {
        Unsafe.SizeOf<MemoryStatusEx>().Should().Be(64, "MEMORYSTATUSEX: two DWORDs and seven DWORDLONGs");
        Unsafe.SizeOf<PageFileInformation>().Should().Be(16, "SYSTEM_PAGEFILE_INFORMATION up to its UNICODE_STRING");
    }

    private static Dictionary<string, double> Fields(MemoryStatusEx status, PageFileTotals? pageFiles) =>
        WindowsMemory.Fields(status, pageFiles, Page).ToDictionary(f => f.Field.Name, f => f.Bytes);

    private static void Write(byte[] buffer, int offset, PageFileInformation entry) =>
        MemoryMarshal.Write(buffer.AsSpan(offset), in entry);
}
