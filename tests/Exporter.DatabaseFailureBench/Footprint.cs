using System.Diagnostics;
using System.Globalization;

namespace Exporter.DatabaseFailureBench;

/// <summary>
/// What the process holds at one moment, after a full garbage collection: threads, live managed
/// objects, memory the GC keeps committed for its heap, resident memory (all of the process'), sockets.
/// </summary>
internal sealed record Footprint(int Threads, long ManagedBytes, long CommittedBytes, long ResidentBytes, int Sockets)
{
    public static Footprint Now()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new Footprint(process.Threads.Count, managed, GC.GetGCMemoryInfo().TotalCommittedBytes, ReadResidentBytes(), CountSockets());
    }

    public string Format() => string.Create(CultureInfo.InvariantCulture, $"threads={Threads} managed={ManagedBytes} committed={CommittedBytes} rss={ResidentBytes} sockets={Sockets}");

    /// <summary>VmRSS of /proc/self/status (proc(5)), in kB there.</summary>
    private static long ReadResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Open sockets: descriptors in /proc/self/fd that link to "socket:[inode]".</summary>
    private static int CountSockets() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos().Count(f =>
        {
            try
            {
                return f.LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true;
            }
            catch (IOException)
            {
                return false; // closed while listed
            }
        });
}
