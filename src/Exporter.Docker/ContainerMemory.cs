using Docker.DotNet.Models;

namespace Exporter.Docker;

/// <summary>
/// Memory figures derived from a stats sample the way cAdvisor and the docker CLI derive them.
/// The engine passes memory.stat through raw, so the keys differ by cgroup version: v1 has
/// total_* (hierarchical) keys, v2 has anon/file/inactive_file
/// (kernel Documentation/admin-guide/cgroup-v1/memory.rst §5.2, cgroup-v2.rst "memory.stat").
/// </summary>
internal readonly record struct ContainerMemory(double Usage, double WorkingSet, double? Rss, double? Cache)
{
    public static ContainerMemory From(MemoryStats memory)
    {
        var usage = memory.Usage ?? 0;
        var stats = memory.Stats ?? new Dictionary<string, ulong>();
        var v1 = stats.ContainsKey("total_inactive_file");

        // Working set = usage minus inactive file pages: what the kernel cannot simply drop under
        // pressure (cAdvisor's container_memory_working_set_bytes; docker CLI's "MEM USAGE").
        var inactiveFile = Get(stats, v1 ? "total_inactive_file" : "inactive_file") ?? 0;
        var workingSet = inactiveFile < usage ? usage - inactiveFile : usage;

        return new ContainerMemory(
            usage,
            workingSet,
            Get(stats, v1 ? "total_rss" : "anon"),
            Get(stats, v1 ? "total_cache" : "file"));
    }

    private static double? Get(IDictionary<string, ulong> stats, string key) =>
        stats.TryGetValue(key, out var value) ? value : null;
}
