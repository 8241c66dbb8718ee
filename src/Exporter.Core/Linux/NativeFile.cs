using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Exporter.Core.Linux;

/// <summary>
/// open(2) without an exception for a file that is not there. A missing procfs or sysfs file is
/// common and expected (no thermal_throttle in a VM, no udev data for a device-mapper disk, a
/// kernel without schedstat), and each one is looked for every scrape: as a .NET exception it costs
/// tens of microseconds of unwinding, more than reading a dozen files that exist.
/// </summary>
internal static partial class NativeFile
{
    private const int ReadOnly = 0;      // O_RDONLY
    private const int CloseOnExec = 0x80000; // O_CLOEXEC, the same on every Linux architecture .NET runs on
    private const int NoSuchFile = 2;    // ENOENT
    private const int NotADirectory = 20; // ENOTDIR

    /// <summary>A handle to read the file with, or null when it (or a directory on its path) does not exist.</summary>
    public static SafeFileHandle? TryOpen(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.Exists(path) ? File.OpenHandle(path) : null;
        }

        var fd = Open(path, ReadOnly | CloseOnExec);
        if (fd >= 0)
        {
            return new SafeFileHandle(fd, ownsHandle: true);
        }

        // Anything else (permission, I/O) is rare: .NET's own open throws the exception that says so.
        return Marshal.GetLastPInvokeError() is NoSuchFile or NotADirectory ? null : File.OpenHandle(path);
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);
}
