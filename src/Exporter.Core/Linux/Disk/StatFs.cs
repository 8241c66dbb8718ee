using System.Runtime.InteropServices;

namespace Exporter.Core.Linux;

/// <summary>What statvfs(3) says about a mounted file system, in bytes and inodes.</summary>
internal readonly record struct FileSystemStats(double SizeBytes, double FreeBytes, double AvailBytes, double Files, double FilesFree);

/// <summary>
/// statvfs(3) from libc. Sizes are blocks × f_bsize, as node_exporter computes them from statfs(2)
/// (glibc fills statvfs.f_bsize from statfs.f_bsize). The struct layout is that of 64-bit Linux,
/// where every field up to f_namemax is 8 bytes wide (glibc and musl alike).
/// </summary>
internal static partial class StatFs
{
    /// <summary>The file system's figures, or the errno statvfs failed with.</summary>
    public static (FileSystemStats Stats, int Errno) Get(string path)
    {
        if (!Environment.Is64BitProcess)
        {
            throw new PlatformNotSupportedException("filesystem: statvfs is only supported in 64-bit processes");
        }

        if (statvfs(path, out var buffer) != 0)
        {
            return (default, Marshal.GetLastPInvokeError());
        }

        double blockSize = buffer.BlockSize;
        return (new FileSystemStats(
            buffer.Blocks * blockSize,
            buffer.FreeBlocks * blockSize,
            buffer.AvailableBlocks * blockSize,
            buffer.Files,
            buffer.FreeFiles), 0);
    }

    [LibraryImport("libc", EntryPoint = "statvfs", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statvfs(string path, out StatVfs buffer);

    // 11 eight-byte fields and int __f_spare[6]: 112 bytes.
    [StructLayout(LayoutKind.Sequential, Size = 112)]
    private struct StatVfs
    {
        public ulong BlockSize;
        public ulong FragmentSize;
        public ulong Blocks;
        public ulong FreeBlocks;
        public ulong AvailableBlocks;
        public ulong Files;
        public ulong FreeFiles;
        public ulong AvailableFiles;
        public ulong FileSystemId;
        public ulong Flags;
        public ulong NameMax;
    }
}
