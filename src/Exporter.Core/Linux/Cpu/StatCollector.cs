using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>Kernel and system statistics from /proc/stat (node_exporter's "stat" collector).</summary>
internal sealed class StatCollector(HostPaths paths, StatOptions options) : IInlineCollector
{
    private static readonly MetricDescriptor Intr = new("node_intr_total", "Total number of interrupts serviced.", MetricType.Counter);
    private static readonly MetricDescriptor ContextSwitches = new("node_context_switches_total", "Total number of context switches.", MetricType.Counter);
    private static readonly MetricDescriptor Forks = new("node_forks_total", "Total number of forks.", MetricType.Counter);
    internal static readonly MetricDescriptor BootTime = new("node_boot_time_seconds", "Node boot time, in unixtime.", MetricType.Gauge);
    private static readonly MetricDescriptor ProcsRunning = new("node_procs_running", "Number of processes in runnable state.", MetricType.Gauge);
    private static readonly MetricDescriptor ProcsBlocked = new("node_procs_blocked", "Number of processes blocked waiting for I/O to complete.", MetricType.Gauge);
    private static readonly MetricDescriptor SoftIrqs = new("node_softirqs_total", "Number of softirq calls.", MetricType.Counter, "vector");

    // node_exporter's names for the kernel's softirq vectors, in /proc/stat order (the kernel's
    // "irq_poll" was "block_iopoll" before 4.4; node_exporter kept the old name).
    private static readonly string[] Vectors = ["hi", "timer", "net_tx", "net_rx", "block", "block_iopoll", "tasklet", "sched", "hrtimer", "rcu"];

    public string Name => "stat";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var text = ProcFile.Read(paths.Proc("stat"));
        var stat = StatParser.Parse(text);

        sink.AddIfPresent(Intr, stat.Interrupts);
        sink.AddIfPresent(ContextSwitches, stat.ContextSwitches);
        sink.AddIfPresent(Forks, stat.Forks);
        sink.AddIfPresent(BootTime, stat.BootTime);
        sink.AddIfPresent(ProcsRunning, stat.ProcsRunning);
        sink.AddIfPresent(ProcsBlocked, stat.ProcsBlocked);

        if (options.Softirq && stat.SoftIrqs is { } softirqs)
        {
            for (var i = 0; i < Vectors.Length; i++)
            {
                sink.Add(SoftIrqs, i < softirqs.Count ? softirqs[i] : 0, Vectors[i]);
            }
        }

        return Task.CompletedTask;
    }
}
