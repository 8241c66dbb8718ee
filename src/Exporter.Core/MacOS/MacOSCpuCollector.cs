using System.Globalization;
using System.Runtime.Versioning;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Exporter.Core.Portable;

namespace Exporter.Core.MacOS;

/// <summary>
/// node_cpu_seconds_total{cpu,mode} per logical processor from host_processor_info
/// (PROCESSOR_CPU_LOAD_INFO), as node_exporter's darwin cpu collector reads it (see
/// <see cref="MacOSCpuTimes"/>). The kernel's tick counts are 32-bit, so they are widened across
/// scrapes; a count wraps after about 500 days of one state at 100 ticks a second.
/// </summary>
[SupportedOSPlatform("macos")]
internal sealed class MacOSCpuCollector : ICollector
{
    private readonly double _ticksPerSecond = TicksPerSecond();
    private readonly WrappingCounter<(int Cpu, int State)> _ticks = new();

    public string Name => "cpu";

    public unsafe Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var result = MacOSNative.host_processor_info(
            MacOSNative.HostSelf, MacOSNative.ProcessorCpuLoadInfo, out var count, out var info, out var infoCount);
        if (result != 0)
        {
            throw new IOException($"host_processor_info(PROCESSOR_CPU_LOAD_INFO) failed: kern_return_t {result}");
        }

        try
        {
            // infoCount counts integer_t: CPU_STATE_MAX (4) of them per processor.
            var processors = new ReadOnlySpan<CpuLoadInfo>((void*)info, (int)Math.Min(count, infoCount / 4));
            for (var cpu = 0; cpu < processors.Length; cpu++)
            {
                var load = processors[cpu];
                var ticks = new CpuTicks(
                    _ticks.Widen((cpu, 0), load.User), _ticks.Widen((cpu, 1), load.System), _ticks.Widen((cpu, 2), load.Idle), _ticks.Widen((cpu, 3), load.Nice));
                var label = cpu.ToString(CultureInfo.InvariantCulture);
                foreach (var (mode, seconds) in MacOSCpuTimes.Modes(ticks, _ticksPerSecond))
                {
                    sink.Add(Linux.CpuCollector.Seconds, seconds, label, mode);
                }
            }
        }
        finally
        {
            // The kernel hands the array over as fresh virtual memory in our task: give it back.
            _ = MacOSNative.vm_deallocate(MacOSNative.TaskSelf, (nuint)info, (nuint)infoCount * sizeof(int));
        }

        return Task.CompletedTask;
    }

    private static double TicksPerSecond()
    {
        var rate = MacOSNative.sysconf(MacOSNative.ScClkTck);
        return rate > 0 ? rate : 100;
    }
}
