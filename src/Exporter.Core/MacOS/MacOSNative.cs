using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Exporter.Core.MacOS;

/// <summary>
/// The Mach and BSD calls the macOS collectors make, from libSystem (which re-exports
/// libsystem_kernel's Mach calls): source-generated P/Invoke on blittable structs.
/// </summary>
[SupportedOSPlatform("macos")]
internal static unsafe partial class MacOSNative
{
    /// <summary>PROCESSOR_CPU_LOAD_INFO (mach/processor_info.h).</summary>
    public const int ProcessorCpuLoadInfo = 2;

    /// <summary>HOST_VM_INFO64 (mach/host_info.h).</summary>
    public const int HostVmInfo64 = 4;

    /// <summary>_SC_CLK_TCK on Darwin (unistd.h; Linux numbers it 2).</summary>
    public const int ScClkTck = 3;

    private const string LibSystem = "/usr/lib/libSystem.dylib";

    private static uint? _taskSelf;

    /// <summary>
    /// mach_task_self(): a macro in C that reads the global mach_task_self_, so it is read from
    /// libSystem's export here (no call, no port reference to release).
    /// </summary>
    public static uint TaskSelf => _taskSelf ??= *(uint*)NativeLibrary.GetExport(NativeLibrary.Load(LibSystem), "mach_task_self_");

    /// <summary>
    /// The host port, asked for once: each mach_host_self() call adds a reference to the port's send
    /// right, so calling it at every scrape would make the count grow for the life of the process.
    /// </summary>
    public static uint HostSelf { get; } = mach_host_self();

    [LibraryImport(LibSystem)]
    public static partial int host_processor_info(uint host, int flavor, out uint processorCount, out nint processorInfo, out uint processorInfoCount);

    [LibraryImport(LibSystem)]
    public static partial int host_statistics64(uint host, int flavor, VmStatistics64* info, ref uint count);

    [LibraryImport(LibSystem)]
    public static partial int host_page_size(uint host, out nuint pageSize);

    [LibraryImport(LibSystem)]
    public static partial int vm_deallocate(uint task, nuint address, nuint size);

    [LibraryImport(LibSystem, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int sysctlbyname(string name, void* value, ref nuint length, void* newValue, nuint newLength);

    [LibraryImport(LibSystem)]
    public static partial nint sysconf(int name);

    [LibraryImport(LibSystem)]
    private static partial uint mach_host_self();
}

/// <summary>struct processor_cpu_load_info (mach/processor_info.h): cpu_ticks[CPU_STATE_MAX] in CPU_STATE_* order.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CpuLoadInfo
{
    public uint User;
    public uint System;
    public uint Idle;
    public uint Nice;
}

/// <summary>
/// struct vm_statistics64 (mach/vm_statistics.h), 152 bytes, aligned to 8; counts in pages of
/// host_page_size(). HOST_VM_INFO64_COUNT is its size in integer_t units, 38.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VmStatistics64
{
    public uint FreeCount;
    public uint ActiveCount;
    public uint InactiveCount;
    public uint WireCount;
    public ulong ZeroFillCount;
    public ulong Reactivations;
    public ulong Pageins;
    public ulong Pageouts;
    public ulong Faults;
    public ulong CowFaults;
    public ulong Lookups;
    public ulong Hits;
    public ulong Purges;
    public uint PurgeableCount;
    public uint SpeculativeCount;
    public ulong Decompressions;
    public ulong Compressions;
    public ulong Swapins;
    public ulong Swapouts;
    public uint CompressorPageCount;
    public uint ThrottledCount;
    public uint ExternalPageCount;
    public uint InternalPageCount;
    public ulong TotalUncompressedPagesInCompressor;
}

/// <summary>struct xsw_usage (sys/sysctl.h), the answer to vm.swapusage: 32 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SwapUsage
{
    public ulong Total;
    public ulong Avail;
    public ulong Used;
    public uint PageSize;
    public int Encrypted;
}
