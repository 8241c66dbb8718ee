namespace Exporter.Core.Processes;

/// <summary>
/// Turns per-process samples into per-group figures across collections. A group's counters (CPU
/// seconds, bytes read and written) are what its processes used, including those that have since
/// exited: when a process goes away its last counters move into the group's base, so the group's
/// counter does not drop (a drop would look like a counter reset, and rate() would count the whole
/// value again). A group with no process left is forgotten and disappears from the output.
/// Not thread-safe: the scraper never runs one collector twice at once.
/// </summary>
internal sealed class ProcessGroupTracker
{
    private Dictionary<(int Pid, ulong Start, string Group), ProcessSample> _previous = [];
    private Dictionary<string, ProcessGroup> _exited = new(StringComparer.Ordinal);

    /// <summary>The groups alive in <paramref name="samples"/>, sorted by name.</summary>
    public List<ProcessGroup> Update(IReadOnlyList<ProcessSample> samples)
    {
        var current = new Dictionary<(int, ulong, string), ProcessSample>(samples.Count);
        var living = new List<ProcessSample>(samples.Count);
        foreach (var sample in samples)
        {
            var key = (sample.Pid, sample.StartTicks, sample.Group);

            // A process' counters only grow; one that reads lower (its io became unreadable as it
            // turned zombie) keeps its last values, so the group's counter does not drop.
            var p = _previous.TryGetValue(key, out var last) ? NeverLower(sample, last) : sample;
            current[key] = p;
            living.Add(p);
        }

        foreach (var (key, last) in _previous)
        {
            if (!current.ContainsKey(key))
            {
                Base(_exited, last.Group).AddCounters(last);
            }
        }

        var groups = new SortedDictionary<string, ProcessGroup>(StringComparer.Ordinal);
        foreach (var p in living)
        {
            if (!groups.TryGetValue(p.Group, out var group))
            {
                group = new ProcessGroup(p.Group);
                if (_exited.TryGetValue(p.Group, out var exited))
                {
                    group.AddCounters(exited);
                }

                groups.Add(p.Group, group);
            }

            group.Processes++;
            group.AddCounters(p);
            group.ResidentBytes += p.ResidentBytes;
            group.VirtualBytes += p.VirtualBytes;
            group.SwappedBytes += p.SwappedBytes;
            group.Threads += p.Threads;
            group.OpenFds += p.OpenFds;
            var state = StateName(p.State);
            group.States[state] = group.States.GetValueOrDefault(state) + 1;
        }

        // Only bases of groups still alive are kept: memory stays bounded by the live groups.
        _exited = _exited.Where(e => groups.ContainsKey(e.Key)).ToDictionary(StringComparer.Ordinal);
        _previous = current;
        return [.. groups.Values];
    }

    /// <summary>The <paramref name="n"/> groups using the most CPU seconds (or resident memory); all when n is 0.</summary>
    public static List<ProcessGroup> Top(List<ProcessGroup> groups, int n, ProcessGroupRanking by)
    {
        if (n <= 0 || groups.Count <= n)
        {
            return groups;
        }

        Func<ProcessGroup, double> key = by == ProcessGroupRanking.Memory
            ? g => g.ResidentBytes
            : g => g.UserSeconds + g.SystemSeconds;
        return [.. groups.OrderByDescending(key).ThenBy(g => g.Name, StringComparer.Ordinal).Take(n).OrderBy(g => g.Name, StringComparer.Ordinal)];
    }

    // process-exporter's state names (proc(5) letters): D is uninterruptible sleep, usually disk I/O.
    private static string StateName(char state) => state switch
    {
        'R' => "Running",
        'S' => "Sleeping",
        'D' => "Waiting",
        'Z' => "Zombie",
        _ => "Other",
    };

    private static ProcessSample NeverLower(ProcessSample now, ProcessSample last) => now with
    {
        UserSeconds = Math.Max(now.UserSeconds, last.UserSeconds),
        SystemSeconds = Math.Max(now.SystemSeconds, last.SystemSeconds),
        ReadBytes = Math.Max(now.ReadBytes, last.ReadBytes),
        WriteBytes = Math.Max(now.WriteBytes, last.WriteBytes),
    };

    private static ProcessGroup Base(Dictionary<string, ProcessGroup> bases, string name)
    {
        if (!bases.TryGetValue(name, out var group))
        {
            group = new ProcessGroup(name);
            bases.Add(name, group);
        }

        return group;
    }
}
