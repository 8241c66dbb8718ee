using System.Globalization;
using static Exporter.Host.Status.StatusMetrics;

namespace Exporter.Host.Status;

/// <summary>The host section, from node_exporter's families; rates against the earlier reading.</summary>
internal static class HostStatusBuilder
{
    public static HostStatus Build(StatusReading now, StatusReading? before)
    {
        var hostname = now.Rows(Uname).Select(r => r.Label("nodename")).FirstOrDefault(n => n.Length > 0);
        var uptime = now.Value(BootTime) is { } boot ? Math.Max(0, Math.Round((now.Value(Time) ?? now.At.ToUnixTimeMilliseconds() / 1000.0) - boot)) : (double?)null;
        var load = now.Value(Load1) is { } l1 ? new LoadStatus(l1, now.Value(Load5) ?? 0, now.Value(Load15) ?? 0) : null;
        var memory = now.Value(MemTotal) is { } total && now.Value(MemAvailable) is { } available
            ? new UsageStatus(total, total - available, StatusMath.Percent(total - available, total))
            : null;
        var swap = now.Value(SwapTotal) is { } swapTotal && now.Value(SwapFree) is { } swapFree
            ? new UsageStatus(swapTotal, swapTotal - swapFree, StatusMath.Percent(swapTotal - swapFree, swapTotal))
            : null;
        return new HostStatus(hostname, uptime, Cpu(now, before), load, memory, swap, Filesystems(now), Disks(now, before), Networks(now, before));
    }

    private static CpuStatus Cpu(StatusReading now, StatusReading? before)
    {
        var seconds = StatusMath.Seconds(now, before);
        var total = now.Sum(CpuSeconds, r => r.Label("cpu"));
        var idle = now.Sum(CpuSeconds, r => r.Label("mode") == "idle" ? r.Label("cpu") : null);
        var iowait = now.Sum(CpuSeconds, r => r.Label("mode") == "iowait" ? r.Label("cpu") : null);
        var totalBefore = before?.Sum(CpuSeconds, r => r.Label("cpu")) ?? [];
        var idleBefore = before?.Sum(CpuSeconds, r => r.Label("mode") == "idle" ? r.Label("cpu") : null) ?? [];
        var iowaitBefore = before?.Sum(CpuSeconds, r => r.Label("mode") == "iowait" ? r.Label("cpu") : null) ?? [];

        // Seconds spent per second: the deltas of every core added up, then compared.
        double allTotal = 0, allIdle = 0, allIowait = 0;
        var cores = new List<CoreStatus>();
        foreach (var cpu in total.Keys.Order(CpuOrder.Instance))
        {
            var dTotal = StatusMath.Rate(total[cpu], totalBefore.TryGetValue(cpu, out var t) ? t : null, seconds);
            var dIdle = StatusMath.Rate(idle.GetValueOrDefault(cpu), idleBefore.TryGetValue(cpu, out var i) ? i : null, seconds);
            var dIowait = StatusMath.Rate(iowait.GetValueOrDefault(cpu), iowaitBefore.TryGetValue(cpu, out var w) ? w : null, seconds);
            double? busy = null;
            if (dTotal is > 0 && dIdle is { } di)
            {
                busy = StatusMath.Percent(dTotal.Value - di, dTotal.Value);
                allTotal += dTotal.Value;
                allIdle += di;
                allIowait += dIowait ?? 0;
            }

            cores.Add(new CoreStatus(cpu, busy));
        }

        var measured = allTotal > 0 && cores.All(c => c.BusyPercent is not null);
        return new CpuStatus(
            cores.Count,
            measured ? StatusMath.Percent(allTotal - allIdle, allTotal) : null,
            measured ? StatusMath.Percent(allIowait, allTotal) : null,
            cores);
    }

    private static List<FilesystemStatus> Filesystems(StatusReading now)
    {
        var avail = now.Rows(FsAvail).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        var free = now.Rows(FsFree).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        var readOnly = now.Rows(FsReadonly).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        var list = new List<FilesystemStatus>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in now.Rows(FsSize))
        {
            seen.Add(row.Key);
            var size = row.Value;
            var a = avail.GetValueOrDefault(row.Key);
            var used = Math.Max(0, size - free.GetValueOrDefault(row.Key, a));
            list.Add(new FilesystemStatus(row.Label("mountpoint"), row.Label("device"), row.Label("fstype"), size, used, a,
                StatusMath.Percent(used, used + a), readOnly.GetValueOrDefault(row.Key) == 1, Error: false));
        }

        // A mount whose statfs failed has node_filesystem_device_error 1 and no sizes.
        foreach (var row in now.Rows(FsDeviceError).Where(r => r.Value == 1 && !seen.Contains(r.Key)))
        {
            list.Add(new FilesystemStatus(row.Label("mountpoint"), row.Label("device"), row.Label("fstype"), 0, 0, 0, null, false, Error: true));
        }

        return [.. list.OrderBy(f => f.Mountpoint, StringComparer.Ordinal)];
    }

    private static List<DiskStatus> Disks(StatusReading now, StatusReading? before)
    {
        var (read, write) = Rates(now, before, DiskRead, DiskWritten);
        return [.. read.Keys.Union(write.Keys).Order(StringComparer.Ordinal).Select(d => new DiskStatus(d, read.GetValueOrDefault(d), write.GetValueOrDefault(d)))];
    }

    private static List<NetworkStatus> Networks(StatusReading now, StatusReading? before)
    {
        var (rx, tx) = Rates(now, before, NetReceive, NetTransmit);
        return [.. rx.Keys.Union(tx.Keys).Order(StringComparer.Ordinal).Select(d => new NetworkStatus(d, rx.GetValueOrDefault(d), tx.GetValueOrDefault(d)))];
    }

    /// <summary>Per-device rates of two byte counters labelled by device; a device without a rate yet maps to null.</summary>
    private static (Dictionary<string, double?> A, Dictionary<string, double?> B) Rates(StatusReading now, StatusReading? before, string a, string b)
    {
        var seconds = StatusMath.Seconds(now, before);
        Dictionary<string, double?> Of(string name)
        {
            var earlier = before?.Sum(name, r => r.Label("device")) ?? [];
            return now.Sum(name, r => r.Label("device")).ToDictionary(
                kv => kv.Key, kv => StatusMath.Round(StatusMath.Rate(kv.Value, earlier.TryGetValue(kv.Key, out var v) ? v : null, seconds)), StringComparer.Ordinal);
        }

        return (Of(a), Of(b));
    }

    /// <summary>cpu labels in numeric order (0, 1, 2, ..., 10), not text order.</summary>
    private sealed class CpuOrder : IComparer<string>
    {
        public static readonly CpuOrder Instance = new();

        public int Compare(string? x, string? y) =>
            int.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var b)
                ? a.CompareTo(b)
                : string.CompareOrdinal(x, y);
    }
}
