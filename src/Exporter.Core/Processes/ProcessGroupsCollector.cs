using System.Globalization;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Exporter.Core.Linux;
using Microsoft.Extensions.Options;

namespace Exporter.Core.Processes;

/// <summary>
/// Processes grouped by command name (comm), under process-exporter's namedprocess_namegroup_*
/// names with the label groupname: from each /proc/[pid]/stat, status (swap), io and fd. Series
/// are per group, not per process, and --collector.procgroups.top-n bounds them further.
/// </summary>
internal sealed class ProcessGroupsCollector(HostPaths paths, IOptions<ProcessGroupsOptions> options) : ICollector
{
    private const string Label = "groupname";

    private static readonly MetricDescriptor NumProcs = new(
        "namedprocess_namegroup_num_procs", "number of processes in this group", MetricType.Gauge, Label);

    private static readonly MetricDescriptor CpuSeconds = new(
        "namedprocess_namegroup_cpu_seconds_total", "Cpu user usage in seconds", MetricType.Counter, Label, "mode");

    private static readonly MetricDescriptor ReadBytes = new(
        "namedprocess_namegroup_read_bytes_total", "number of bytes read by this group", MetricType.Counter, Label);

    private static readonly MetricDescriptor WriteBytes = new(
        "namedprocess_namegroup_write_bytes_total", "number of bytes written by this group", MetricType.Counter, Label);

    private static readonly MetricDescriptor MemoryBytes = new(
        "namedprocess_namegroup_memory_bytes", "number of bytes of memory in use", MetricType.Gauge, Label, "memtype");

    private static readonly MetricDescriptor OpenFds = new(
        "namedprocess_namegroup_open_filedesc", "number of open file descriptors for this group", MetricType.Gauge, Label);

    private static readonly MetricDescriptor Threads = new(
        "namedprocess_namegroup_num_threads", "Number of threads", MetricType.Gauge, Label);

    private static readonly MetricDescriptor States = new(
        "namedprocess_namegroup_states", "Number of processes in states Running, Sleeping, Waiting, Zombie, or Other", MetricType.Gauge, Label, "state");

    private static readonly double PageSize = Environment.SystemPageSize;

    private readonly ProcessGroupTracker _tracker = new();
    private readonly ProcessGroupsOptions _options = options.Value;

    public string Name => "procgroups";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var samples = ReadProcesses(cancellationToken);
        var groups = ProcessGroupTracker.Top(_tracker.Update(samples), _options.TopN, _options.Ranking);
        foreach (var g in groups)
        {
            sink.Add(NumProcs, g.Processes, g.Name);
            // Sums of 1/100 s ticks: rounding drops the binary fraction noise (0.09000000000000001).
            sink.Add(CpuSeconds, Math.Round(g.UserSeconds, 2), g.Name, "user");
            sink.Add(CpuSeconds, Math.Round(g.SystemSeconds, 2), g.Name, "system");
            sink.Add(ReadBytes, g.ReadBytes, g.Name);
            sink.Add(WriteBytes, g.WriteBytes, g.Name);
            sink.Add(MemoryBytes, g.ResidentBytes, g.Name, "resident");
            sink.Add(MemoryBytes, g.VirtualBytes, g.Name, "virtual");
            sink.Add(MemoryBytes, g.SwappedBytes, g.Name, "swapped");
            sink.Add(OpenFds, g.OpenFds, g.Name);
            sink.Add(Threads, g.Threads, g.Name);
            foreach (var (state, count) in g.States)
            {
                sink.Add(States, count, g.Name, state);
            }
        }

        return Task.CompletedTask;
    }

    // Up to four reads per process (stat, status, io, the fd directory) with one reused buffer; a process
    // that exits half-way is dropped, one whose io or fd we may not read counts 0 there.
    private List<ProcessSample> ReadProcesses(CancellationToken cancellationToken)
    {
        var reader = new ProcPidReader(DirectorySize.IsProcfs(paths.Procfs));
        var pids = ProcPidReader.ListPids(paths.Procfs);
        var samples = new List<ProcessSample>(pids.Count);

        // status is the costliest file and is read only for VmSwap: without swap, every process has 0.
        var swapOn = ProcFile.TryRead(paths.Proc("swaps")) is not { } swaps || swaps.Trim().Contains('\n', StringComparison.Ordinal);
        foreach (var pid in pids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var dir = paths.Proc(pid.ToString(CultureInfo.InvariantCulture));
            if (reader.TryRead(Path.Join(dir, "stat")) is not { } statText)
            {
                continue;
            }

            var stat = ProcStatParser.Parse(statText);
            var swap = swapOn && reader.TryRead(Path.Join(dir, "status")) is { } status ? ProcStatusParser.SwapBytes(status) : 0;
            var (read, write) = reader.TryRead(Path.Join(dir, "io")) is { } io ? ProcIoParser.Parse(io) : (0, 0);
            samples.Add(new ProcessSample(
                pid,
                stat.StartTicks,
                stat.Comm,
                stat.State.Length > 0 ? stat.State[0] : '?',
                stat.UserTicks / ProcStatParser.TicksPerSecond,
                stat.SystemTicks / ProcStatParser.TicksPerSecond,
                stat.ResidentPages * PageSize,
                stat.VirtualBytes,
                swap,
                stat.NumThreads,
                reader.CountOpenFds(Path.Join(dir, "fd")) ?? 0,
                read,
                write));
        }

        return samples;
    }
}
