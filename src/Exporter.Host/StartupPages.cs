using System.Globalization;
using System.Runtime.InteropServices;

namespace Exporter.Host;

/// <summary>
/// Start-up touches most of the host's own code (the native binary, or the ReadyToRun images):
/// the generic host, configuration, Kestrel's setup, every collector's registration. Those pages
/// stay mapped into the process, counted in its RSS, long after they last ran: 28 MB of a 33 MB
/// native binary, while a scrape uses about 12 MB of it. Advising the kernel once, after start-up,
/// that the read-only mappings of the host's own files may be paged out (MADV_PAGEOUT, Linux 5.4)
/// drops them; what scrapes use is faulted back from the page cache on the next scrape and stays.
/// Nothing is written anywhere: the pages are clean copies of the files. Measured in
/// docs/benchmarks.md.
/// </summary>
internal static partial class StartupPages
{
    private const int MadvPageout = 21;

    /// <summary>Advises the read-only mappings of files under <paramref name="directory"/>; returns the bytes advised.</summary>
    public static long Release(string directory)
    {
        string maps;
        try
        {
            maps = File.ReadAllText("/proc/self/maps");
        }
        catch (IOException)
        {
            return 0;
        }

        long advised = 0;
        foreach (var (start, length) in ReadOnlyMappings(maps, directory))
        {
            // EINVAL on kernels without MADV_PAGEOUT: nothing happens, as before.
            if (Madvise((nint)start, (nuint)length, MadvPageout) == 0)
            {
                advised += (long)length;
            }
        }

        return advised;
    }

    /// <summary>
    /// The address ranges of /proc/PID/maps lines (proc(5): "start-end perms offset dev inode path")
    /// mapping a file under <paramref name="directory"/> without write permission.
    /// </summary>
    internal static IEnumerable<(ulong Start, ulong Length)> ReadOnlyMappings(string maps, string directory)
    {
        var prefix = directory.EndsWith('/') ? directory : directory + "/";
        foreach (var line in maps.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6 || fields[1].Length < 4 || fields[1][1] == 'w' || !fields[5].Trim().StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var range = fields[0].Split('-');
            if (range.Length == 2
                && ulong.TryParse(range[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
                && ulong.TryParse(range[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end)
                && end > start)
            {
                yield return (start, end - start);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
