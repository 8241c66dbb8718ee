using System.Globalization;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// node_exporter's processes collector: node_processes_{pids,threads,state,threads_state} from every
/// /proc/[pid]/stat and /proc/[pid]/task/[tid]/stat, and the limits kernel.pid_max and
/// kernel.threads-max. Off by default, as in node_exporter: it reads every thread's stat file.
/// </summary>
internal sealed class ProcessesCollector(HostPaths paths) : ICollector
{
    private static readonly MetricDescriptor Threads = new("node_processes_threads", "Allocated threads in system", MetricType.Gauge);
    private static readonly MetricDescriptor MaxThreads = new("node_processes_max_threads", "Limit of threads in the system", MetricType.Gauge);
    private static readonly MetricDescriptor States = new("node_processes_state", "Number of processes in each state.", MetricType.Gauge, "state");
    private static readonly MetricDescriptor ThreadStates = new("node_processes_threads_state", "Number of threads in each state.", MetricType.Gauge, "thread_state");
    internal static readonly MetricDescriptor Pids = new("node_processes_pids", "Number of PIDs", MetricType.Gauge);
    private static readonly MetricDescriptor MaxPids = new("node_processes_max_processes", "Number of max PIDs limit", MetricType.Gauge);

    public string Name => "processes";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var reader = new ProcPidReader();
        var pids = 0;
        long threads = 0;
        var states = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var threadStates = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var pid in ProcPidReader.ListPids(paths.Procfs))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pidText = pid.ToString(CultureInfo.InvariantCulture);
            if (reader.TryRead(paths.Proc(pidText, "stat")) is not { } text)
            {
                continue; // exited since the listing
            }

            var stat = ProcStatParser.Parse(text);
            pids++;
            threads += stat.NumThreads;
            Increment(states, stat.State);
            CountThreadStates(reader, pid, pidText, stat, threadStates);
        }

        sink.Add(Threads, threads);
        if (ReadLimit(paths.Proc("sys", "kernel", "threads-max")) is { } maxThreads)
        {
            sink.Add(MaxThreads, maxThreads);
        }

        foreach (var (state, count) in states)
        {
            sink.Add(States, count, state);
        }

        foreach (var (state, count) in threadStates)
        {
            sink.Add(ThreadStates, count, state);
        }

        sink.Add(Pids, pids);
        if (ReadLimit(paths.Proc("sys", "kernel", "pid_max")) is { } maxPids)
        {
            sink.Add(MaxPids, maxPids);
        }

        return Task.CompletedTask;
    }

    // As node_exporter: the main thread counts with the process' own state, the others with theirs.
    // A single-threaded process has only its main thread: no need to list its task directory.
    private void CountThreadStates(ProcPidReader reader, int pid, string pidText, ProcStat stat, SortedDictionary<string, int> threadStates)
    {
        if (stat.NumThreads == 1)
        {
            Increment(threadStates, stat.State);
            return;
        }

        foreach (var tid in ProcPidReader.ListPids(paths.Proc(pidText, "task")))
        {
            if (tid == pid)
            {
                Increment(threadStates, stat.State);
            }
            else if (reader.TryRead(paths.Proc(pidText, "task", tid.ToString(CultureInfo.InvariantCulture), "stat")) is { } text)
            {
                Increment(threadStates, ProcStatParser.Parse(text).State);
            }
        }
    }

    private static void Increment(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static double? ReadLimit(string path) =>
        ProcFile.TryRead(path) is { } value ? ProcValue.ParseUInt64("processes", value.Trim(), path) : null;
}
