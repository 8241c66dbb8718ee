using System.Globalization;
using System.IO.Enumeration;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Exporter.Core.Linux;

/// <summary>
/// Lists /proc/[pid] directories and reads their small files with one reused buffer, so walking
/// thousands of processes costs one string per file and nothing else. Processes exit while they are
/// read: a file that is gone (ENOENT, ESRCH) or not ours to read (EACCES on another user's io or fd)
/// is reported as null, never as an error. One instance per collection: not thread-safe.
/// </summary>
/// <param name="onProcfs">The directories read are on a real procfs (see <see cref="DirectorySize.IsProcfs"/>).</param>
internal sealed class ProcPidReader(bool onProcfs = false)
{
    private readonly byte[] _statBuffer = new byte[256];
    private byte[] _buffer = new byte[4096];

    /// <summary>The numeric entries of a procfs directory (/proc or /proc/[pid]/task), unsorted.</summary>
    public static List<int> ListPids(string directory)
    {
        try
        {
            var pids = new FileSystemEnumerable<int>(
                directory,
                (ref FileSystemEntry entry) => int.Parse(entry.FileName, NumberStyles.None, CultureInfo.InvariantCulture),
                new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 })
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) => IsNumber(entry.FileName),
            };
            return [.. pids];
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    /// <summary>How many entries a directory has (open file descriptors in /proc/[pid]/fd); null when unreadable.</summary>
    public static int? CountEntries(string directory)
    {
        try
        {
            var entries = new FileSystemEnumerable<byte>(
                directory,
                (ref FileSystemEntry _) => 0,
                new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 });
            var count = 0;
            foreach (var _ in entries)
            {
                count++;
            }

            return count;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Open file descriptors of a process, from its /proc/[pid]/fd directory: the directory's size
    /// where the kernel reports it (Linux 6.2+), else its entries counted; null when unreadable.
    /// </summary>
    public int? CountOpenFds(string fdDirectory) =>
        onProcfs && DirectorySize.TryGet(fdDirectory, _statBuffer) is > 0 and var size ? (int)size : CountEntries(fdDirectory);

    /// <summary>The whole file as text, or null when it is gone or not readable.</summary>
    public string? TryRead(string path)
    {
        try
        {
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var length = 0;
            while (true)
            {
                // procfs files report size 0: read until a read returns nothing.
                var read = RandomAccess.Read(handle, _buffer.AsSpan(length), length);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }
            }

            return Encoding.UTF8.GetString(_buffer, 0, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsNumber(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
