using System.Globalization;
using System.Runtime.Versioning;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Exporter.Core.Portable;

namespace Exporter.Core.Windows;

/// <summary>
/// node_cpu_seconds_total{cpu,mode} per logical processor from
/// NtQuerySystemInformation(SystemProcessorPerformanceInformation), the figures Task Manager and the
/// Processor performance counters are built on. See <see cref="ProcessorTimes"/> for the modes.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsCpuCollector : ICollector
{
    // Windows answers for the processors of the calling thread's processor group, 64 at most.
    private const int MaxProcessors = 64;

    private readonly MonotonicCounter<(int Cpu, string Mode)> _counters = new();

    public string Name => "cpu";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var processors = Read();
        for (var cpu = 0; cpu < processors.Length; cpu++)
        {
            var label = cpu.ToString(CultureInfo.InvariantCulture);
            foreach (var (mode, seconds) in ProcessorTimes.Modes(processors[cpu]))
            {
                sink.Add(Linux.CpuCollector.Seconds, _counters.Max((cpu, mode), seconds), label, mode);
            }
        }

        return Task.CompletedTask;
    }

    private static unsafe ProcessorPerformance[] Read()
    {
        var buffer = new ProcessorPerformance[Math.Max(MaxProcessors, Environment.ProcessorCount)];
        int status;
        uint returned;
        fixed (ProcessorPerformance* first = buffer)
        {
            status = WindowsNative.NtQuerySystemInformation(
                WindowsNative.SystemProcessorPerformanceInformation, first, (uint)(buffer.Length * sizeof(ProcessorPerformance)), out returned);
        }

        if (status != 0)
        {
            throw new IOException($"NtQuerySystemInformation(SystemProcessorPerformanceInformation) failed: NTSTATUS 0x{status:X8}");
        }

        return buffer[..(int)(returned / (uint)sizeof(ProcessorPerformance))];
    }
}
