using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// node_schedstat_{running,waiting}_seconds_total and node_schedstat_timeslices_total per CPU from
/// /proc/schedstat (absent on kernels built without CONFIG_SCHEDSTATS: no data).
/// </summary>
internal sealed class SchedstatCollector(HostPaths paths) : IInlineCollector
{
    private static readonly MetricDescriptor Running = new(
        "node_schedstat_running_seconds_total", "Number of seconds CPU spent running a process.", MetricType.Counter, "cpu");

    private static readonly MetricDescriptor Waiting = new(
        "node_schedstat_waiting_seconds_total", "Number of seconds spent by processing waiting for this CPU.", MetricType.Counter, "cpu");

    private static readonly MetricDescriptor Timeslices = new(
        "node_schedstat_timeslices_total", "Number of timeslices executed by CPU.", MetricType.Counter, "cpu");

    public string Name => "schedstat";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var text = ProcFile.TryRead(paths.Proc("schedstat"));
        if (text is null)
        {
            return Task.CompletedTask;
        }

        foreach (var cpu in SchedstatParser.Parse(text))
        {
            sink.Add(Running, cpu.RunningNanoseconds / 1e9, cpu.Cpu);
            sink.Add(Waiting, cpu.WaitingNanoseconds / 1e9, cpu.Cpu);
            sink.Add(Timeslices, cpu.Timeslices, cpu.Cpu);
        }

        return Task.CompletedTask;
    }
}
