using System.Diagnostics;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Portable;

/// <summary>node_processes_pids from Process.GetProcesses(): how many processes exist.</summary>
internal sealed class PortableProcessesCollector : ICollector
{
    private static readonly MetricDescriptor Pids = Linux.ProcessesCollector.Pids;

    public string Name => "portable_processes";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var processes = Process.GetProcesses();
        sink.Add(Pids, processes.Length);
        foreach (var process in processes)
        {
            process.Dispose();
        }

        return Task.CompletedTask;
    }
}
