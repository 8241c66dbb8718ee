using System.Globalization;

namespace Exporter.TestSupport;

/// <summary>
/// The TCP ports a process listens on, as the kernel reports them: the process's socket inodes
/// (/proc/PID/fd links "socket:[INODE]") matched with the LISTEN rows (state 0A) of
/// /proc/PID/net/tcp and tcp6 (proc(5)), for the process and its descendants (runuser forks
/// PostgreSQL). A server told to listen on port 0 gets a port from the kernel that nothing else
/// holds; this is how a test learns which one, whatever the server logs. It also tells whether a
/// server given a port really is the one listening there, not another test's.
/// </summary>
public static class ListeningPorts
{
    private const string Listen = "0A";

    /// <summary>The ports, sorted; empty when the process has not bound yet or has gone.</summary>
    public static IReadOnlyList<int> Of(int pid)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var process in WithDescendants(pid))
        {
            inodes.UnionWith(SocketInodes(process));
        }

        var ports = new SortedSet<int>();
        foreach (var table in new[] { "tcp", "tcp6" })
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines($"/proc/{pid}/net/{table}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode"
            foreach (var line in lines.Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == Listen && inodes.Contains(fields[9]))
                {
                    var local = fields[1];
                    ports.Add(int.Parse(local.AsSpan(local.LastIndexOf(':') + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                }
            }
        }

        return [.. ports];
    }

    /// <summary>
    /// Waits until <paramref name="process"/> listens on exactly one TCP port and returns it; fails
    /// with the process's output when it exits first or the deadline passes (generous: a server
    /// starting on a busy 2-core machine can take many seconds).
    /// </summary>
    public static async Task<int> WaitForOneAsync(ExternalProcess process, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (process.HasExited)
            {
                process.WaitForExit(TimeSpan.FromSeconds(10));
                throw new InvalidOperationException($"{what} exited with {process.ExitCode}: {process.Output}");
            }

            var ports = Of(process.Id);
            if (ports.Count == 1)
            {
                return ports[0];
            }

            if (ports.Count > 1)
            {
                throw new InvalidOperationException($"{what} listens on several ports ({string.Join(", ", ports)}); expected one");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not listen on a TCP port in time: {process.Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Waits until <paramref name="process"/> (or a child of it) listens on <paramref name="port"/>.
    /// Throws <see cref="PortInUseException"/> when it exits saying the port was taken, so
    /// <see cref="PortConflicts"/> can start it on another.
    /// </summary>
    public static async Task WaitForAsync(ExternalProcess process, int port, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Of(process.Id).Contains(port))
        {
            if (process.HasExited)
            {
                process.WaitForExit(TimeSpan.FromSeconds(10));
                var output = process.Output;
                throw PortConflicts.SaysInUse(output)
                    ? new PortInUseException($"{what}: port {port} was taken: {output}")
                    : new InvalidOperationException($"{what} exited with {process.ExitCode}: {output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not listen on port {port} within 60 s: {process.Output}");
            }

            await Task.Delay(50);
        }
    }

    private static List<int> WithDescendants(int pid)
    {
        // Parents from /proc/*/stat: "pid (comm) state ppid ...", comm may hold spaces and ')'.
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var child))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Join(dir, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(child);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        var all = new List<int> { pid };
        for (var i = 0; i < all.Count; i++)
        {
            all.AddRange(children.GetValueOrDefault(all[i]) ?? []);
        }

        return all;
    }

    private static HashSet<string> SocketInodes(int pid)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<string> fds;
        try
        {
            fds = Directory.GetFiles($"/proc/{pid}/fd");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return inodes;
        }

        foreach (var fd in fds)
        {
            try
            {
                // A descriptor can close between the listing and the read.
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target["socket:[".Length..^1]);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        return inodes;
    }
}
