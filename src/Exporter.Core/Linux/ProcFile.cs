using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Exporter.Core.Linux;

/// <summary>
/// Reading procfs and sysfs files. A file that does not exist (a kernel without that feature, a
/// device that went away between listing and reading) is "no data", not an error, so these return
/// null instead of throwing; anything else (permission, I/O) still throws and fails the collector.
/// </summary>
public static class ProcFile
{
    /// <summary>The whole file, or null when it (or its directory) does not exist.</summary>
    public static async Task<string?> TryReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The whole file, or null when it (or its directory) does not exist.</summary>
    public static string? TryRead(string path)
    {
        using var handle = NativeFile.TryOpen(path);
        return handle is null ? null : ReadAll(handle);
    }

    /// <summary>The whole file, which must exist.</summary>
    public static string Read(string path)
    {
        using var handle = File.OpenHandle(path);
        return ReadAll(handle);
    }

    // Synchronous reads into pooled scratch space, then one string: procfs and sysfs files are
    // generated in memory by the kernel, so a read never waits for a disk, and File.ReadAllText's
    // stream, reader and growing builder cost more than the read itself. procfs files report a
    // size of 0, so the length is known only at the end of file.
    private static string ReadAll(SafeFileHandle handle)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var length = 0;
            while (true)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(length), length);
                if (read == 0)
                {
                    return Encoding.UTF8.GetString(buffer, 0, length);
                }

                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A file holding one number (/proc/sys/kernel/random/entropy_avail); null when it does not
    /// exist, a FormatException naming <paramref name="source"/> when it is not a number.
    /// </summary>
    public static async Task<double?> TryReadNumberAsync(string path, string source, CancellationToken cancellationToken) =>
        await TryReadAsync(path, cancellationToken) is { } text ? ProcValue.ParseDouble(source, text) : null;

    /// <summary>
    /// A file holding one number (/proc/sys/kernel/random/entropy_avail); null when it does not
    /// exist, a FormatException naming <paramref name="source"/> when it is not a number.
    /// </summary>
    public static double? TryReadValue(string path, string source) =>
        TryRead(path) is { } text ? ProcValue.ParseDouble(source, text) : null;

    /// <summary>
    /// A sysfs attribute, untrimmed; null when missing or unreadable now. Drivers answer reads of
    /// some attributes with EINVAL (a link that is down), EAGAIN, EIO or EOPNOTSUPP, and some files
    /// are write-only (EACCES): node_exporter treats all of these as "no value", not as a failure.
    /// </summary>
    public static string? TryReadAttribute(string path)
    {
        try
        {
            return TryRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A one-number sysfs attribute; null when missing, unreadable (see <see cref="TryReadAttribute"/>) or not a number.</summary>
    public static double? TryReadNumber(string path) =>
        ProcValue.TryParseDouble(TryReadAttribute(path)?.Trim(), out var value) ? value : null;
}
