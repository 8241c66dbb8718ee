using static Exporter.Host.Status.StatusMetrics;

namespace Exporter.Host.Status;

/// <summary>The containers section, from the docker collector's cAdvisor families, keyed by container id.</summary>
internal static class ContainerStatusBuilder
{
    /// <summary>Null when the docker collector did not run (it is not enabled).</summary>
    public static ContainersStatus? Build(StatusReading now, StatusReading? before)
    {
        if (!now.Rows(CollectorSuccess).Any(r => r.Label("collector") == "docker"))
        {
            return null;
        }

        var seconds = StatusMath.Seconds(now, before);
        var time = now.Value(Time) ?? now.At.ToUnixTimeMilliseconds() / 1000.0;
        var start = ById(now, ContainerStart);
        var cpu = now.Sum(ContainerCpu, r => r.Label("id"));
        var cpuBefore = before?.Sum(ContainerCpu, r => r.Label("id")) ?? [];
        var workingSet = ById(now, ContainerWorkingSet);
        var usage = ById(now, ContainerMemoryUsage);
        var limit = ById(now, ContainerMemoryLimit);
        var restarts = ById(now, ContainerRestarts);
        var health = now.Rows(ContainerHealth).Where(r => r.Value == 1)
            .GroupBy(r => r.Label("id"), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Label("status"), StringComparer.Ordinal);

        var list = new List<ContainerStatus>();
        foreach (var row in now.Rows(ContainerState).Where(r => r.Value == 1))
        {
            var id = row.Label("id");
            var state = row.Label("state");
            var running = state is "running" or "paused" or "restarting";
            double? memory = workingSet.TryGetValue(id, out var ws) ? ws : usage.TryGetValue(id, out var u) ? u : null;
            double? memoryLimit = limit.TryGetValue(id, out var l) && l > 0 ? l : null;
            double? rate = cpu.TryGetValue(id, out var c) ? StatusMath.Rate(c, cpuBefore.TryGetValue(id, out var cb) ? cb : null, seconds) : null;
            list.Add(new ContainerStatus(
                Name: row.Label("name"),
                Image: row.Label("image"),
                Id: id.Length > 12 ? id[..12] : id,
                State: state,
                Health: health.GetValueOrDefault(id),
                UptimeSeconds: running && start.TryGetValue(id, out var s) ? Math.Max(0, Math.Round(time - s)) : null,
                CpuPercent: running && rate is { } r ? Math.Round(r * 100, 2) : null,
                MemoryBytes: running ? memory : null,
                MemoryLimitBytes: memoryLimit,
                MemoryPercent: running && memory is { } m && memoryLimit is { } ml ? StatusMath.Percent(m, ml) : null,
                Restarts: restarts.GetValueOrDefault(id)));
        }

        return new ContainersStatus(now.Value(DockerUp) == 1, [.. list.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal)]);
    }

    private static Dictionary<string, double> ById(StatusReading reading, string name)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in reading.Rows(name))
        {
            values.TryAdd(row.Label("id"), row.Value);
        }

        return values;
    }
}
