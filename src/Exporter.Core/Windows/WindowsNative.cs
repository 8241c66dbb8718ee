using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace Exporter.Core.Windows;

/// <summary>
/// The Win32 and NT calls the Windows collectors make: source-generated P/Invoke on blittable
/// structs (no runtime marshalling, so it works trimmed and NativeAOT-compiled).
/// </summary>
[SupportedOSPlatform("windows")]
internal static unsafe partial class WindowsNative
{
    /// <summary>SYSTEM_INFORMATION_CLASS values (winternl.h and the NT headers).</summary>
    public const int SystemProcessorPerformanceInformation = 8;

    /// <summary>SYSTEM_INFORMATION_CLASS: one SYSTEM_PAGEFILE_INFORMATION per page file.</summary>
    public const int SystemPageFileInformation = 18;

    /// <summary>STATUS_INFO_LENGTH_MISMATCH: the buffer is too small for the answer.</summary>
    public const int StatusInfoLengthMismatch = unchecked((int)0xC0000004);

    /// <summary>CTL_CODE(IOCTL_DISK_BASE, 0x0008, METHOD_BUFFERED, FILE_ANY_ACCESS) from winioctl.h.</summary>
    public const uint IoctlDiskPerformance = 0x00070020;

    public const int ErrorFileNotFound = 2;
    public const int ErrorPathNotFound = 3;
    public const int ErrorInvalidFunction = 1;
    public const int ErrorNotSupported = 50;

    private const uint FileShareReadWrite = 0x1 | 0x2;
    private const uint OpenExisting = 3;

    /// <summary>NtQuerySystemInformation (winternl.h); returns an NTSTATUS, 0 for success.</summary>
    [LibraryImport("ntdll.dll")]
    public static partial int NtQuerySystemInformation(int informationClass, void* information, uint length, out uint returnLength);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool GlobalMemoryStatusEx(ref MemoryStatusEx buffer);

    /// <summary>
    /// Opens a device for queries only (desired access 0), which needs no administrator rights and
    /// does not lock the disk, as psutil and typeperf's disk counters open it.
    /// </summary>
    public static SafeFileHandle OpenDevice(string path) =>
        CreateFile(path, 0, FileShareReadWrite, 0, OpenExisting, 0, 0);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool DeviceIoControl(
        SafeFileHandle device, uint controlCode, void* inBuffer, uint inSize, void* outBuffer, uint outSize, out uint bytesReturned, void* overlapped);

    [LibraryImport("kernel32.dll", EntryPoint = "CreateFileW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    private static partial SafeFileHandle CreateFile(
        string fileName, uint desiredAccess, uint shareMode, nint securityAttributes, uint creationDisposition, uint flags, nint template);
}

/// <summary>
/// SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION (winternl.h names the last three fields Reserved1[2]
/// and Reserved2; the DDK calls them DpcTime, InterruptTime, InterruptCount). Times in 100 ns.
/// 44 bytes of fields, 48 with the alignment padding the array stride has.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ProcessorPerformance
{
    public long IdleTime;
    public long KernelTime;
    public long UserTime;
    public long DpcTime;
    public long InterruptTime;
    public uint InterruptCount;
}

/// <summary>MEMORYSTATUSEX (sysinfoapi.h), 64 bytes; Length must be set before the call.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MemoryStatusEx
{
    public uint Length;
    public uint MemoryLoad;
    public ulong TotalPhys;
    public ulong AvailPhys;
    public ulong TotalPageFile;
    public ulong AvailPageFile;
    public ulong TotalVirtual;
    public ulong AvailVirtual;
    public ulong AvailExtendedVirtual;
}

/// <summary>
/// DISK_PERFORMANCE (winioctl.h), 88 bytes: the fields up to StorageDeviceNumber, then
/// WCHAR StorageManagerName[8], which the collector does not read. Times are in 100 ns
/// (QueryTime is the system time, KeQuerySystemTime, when the driver answered).
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 88)]
internal struct DiskPerformance
{
    public long BytesRead;
    public long BytesWritten;
    public long ReadTime;
    public long WriteTime;
    public long IdleTime;
    public uint ReadCount;
    public uint WriteCount;
    public uint QueueDepth;
    public uint SplitCount;
    public long QueryTime;
    public uint StorageDeviceNumber;
}

/// <summary>
/// SYSTEM_PAGEFILE_INFORMATION's fixed head, 16 bytes (a UNICODE_STRING with the file's name
/// follows): sizes in pages. Entries are chained by NextEntryOffset, 0 on the last.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PageFileInformation
{
    public uint NextEntryOffset;
    public uint TotalSize;
    public uint TotalInUse;
    public uint PeakUsage;
}
