using Docker.DotNet.Models;

namespace Exporter.Docker;

/// <summary>Bytes read and written per block device ("major:minor"), from blkio_stats.</summary>
internal readonly record struct BlkioTotals(string Device, double ReadBytes, double WriteBytes)
{
    /// <summary>
    /// Sums io_service_bytes_recursive by device. cgroup v1 reports "Read"/"Write" (plus Sync, Async,
    /// Total, which repeat them), v2 "read"/"write"; other ops are ignored. Empty when the kernel
    /// reports nothing (the engine then sends an empty list or null).
    /// </summary>
    public static IReadOnlyList<BlkioTotals> From(BlkioStats? blkio)
    {
        var byDevice = new SortedDictionary<string, (double Read, double Write)>(StringComparer.Ordinal);
        foreach (var entry in blkio?.IoServiceBytesRecursive ?? [])
        {
            var read = string.Equals(entry.Op, "read", StringComparison.OrdinalIgnoreCase);
            var write = string.Equals(entry.Op, "write", StringComparison.OrdinalIgnoreCase);
            if (!read && !write)
            {
                continue;
            }

            var device = $"{entry.Major}:{entry.Minor}";
            var (r, w) = byDevice.GetValueOrDefault(device);
            byDevice[device] = read ? (r + entry.Value, w) : (r, w + entry.Value);
        }

        return [.. byDevice.Select(d => new BlkioTotals(d.Key, d.Value.Read, d.Value.Write))];
    }
}
