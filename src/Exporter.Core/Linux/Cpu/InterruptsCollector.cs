using System.Globalization;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// node_interrupts_total{cpu,devices,info,type} from /proc/interrupts. Off by default, as in
/// node_exporter: one series per interrupt and CPU adds up on large machines.
/// </summary>
internal sealed class InterruptsCollector(HostPaths paths) : IInlineCollector
{
    private static readonly MetricDescriptor Total = new(
        "node_interrupts_total", "Interrupt details.", MetricType.Counter, "cpu", "devices", "info", "type");

    public string Name => "interrupts";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var text = ProcFile.TryRead(paths.Proc("interrupts"));
        if (text is null)
        {
            return Task.CompletedTask;
        }

        var interrupts = InterruptsParser.Parse(text);
        var cpus = interrupts.Count == 0 ? 0 : interrupts.Max(i => i.PerCpu.Count);
        for (var cpu = 0; cpu < cpus; cpu++)
        {
            var label = cpu.ToString(CultureInfo.InvariantCulture);
            foreach (var interrupt in interrupts.OrderBy(i => i.Devices, StringComparer.Ordinal).ThenBy(i => i.Info, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal))
            {
                sink.Add(Total, interrupt.PerCpu[cpu], label, interrupt.Devices, interrupt.Info, interrupt.Name);
            }
        }

        return Task.CompletedTask;
    }
}
