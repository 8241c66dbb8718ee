using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// Pressure stall information (PSI) from /proc/pressure, node_exporter 1.5's metrics: cpu "some" as
/// waiting; io and memory "some" as waiting and "full" as stalled. Kernels before 4.20, or built
/// without CONFIG_PSI, have no /proc/pressure: no data.
/// </summary>
internal sealed class PressureCollector(HostPaths paths) : IInlineCollector
{
    private static readonly MetricDescriptor CpuWaiting = new(
        "node_pressure_cpu_waiting_seconds_total", "Total time in seconds that processes have waited for CPU time", MetricType.Counter);

    private static readonly MetricDescriptor IoWaiting = new(
        "node_pressure_io_waiting_seconds_total", "Total time in seconds that processes have waited due to IO congestion", MetricType.Counter);

    private static readonly MetricDescriptor IoStalled = new(
        "node_pressure_io_stalled_seconds_total", "Total time in seconds no process could make progress due to IO congestion", MetricType.Counter);

    private static readonly MetricDescriptor MemoryWaiting = new(
        "node_pressure_memory_waiting_seconds_total", "Total time in seconds that processes have waited for memory", MetricType.Counter);

    private static readonly MetricDescriptor MemoryStalled = new(
        "node_pressure_memory_stalled_seconds_total", "Total time in seconds no process could make progress due to memory congestion", MetricType.Counter);

    public string Name => "pressure";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        if (Read("cpu") is { } cpu)
        {
            sink.AddIfPresent(CpuWaiting, Seconds(cpu.Some));
        }

        Add(sink, "io", IoWaiting, IoStalled);
        Add(sink, "memory", MemoryWaiting, MemoryStalled);

        return Task.CompletedTask;
    }

    private void Add(MetricSink sink, string resource, MetricDescriptor waiting, MetricDescriptor stalled)
    {
        if (Read(resource) is not { } stats)
        {
            return;
        }

        sink.AddIfPresent(waiting, Seconds(stats.Some));
        sink.AddIfPresent(stalled, Seconds(stats.Full));
    }

    // Divided twice, as node_exporter does, so the printed values are the same to the last digit.
    private static double? Seconds(double? microseconds) => microseconds / 1000.0 / 1000.0;

    private (double? Some, double? Full)? Read(string resource)
    {
        string? text;
        try
        {
            text = ProcFile.TryRead(paths.Proc("pressure", resource));
        }
        catch (IOException)
        {
            // With CONFIG_PSI but booted with psi=0 the files exist and reading them fails with
            // EOPNOTSUPP: the kernel has no pressure data, which is no data rather than an error.
            return null;
        }

        return text is null ? null : PressureParser.Parse(text);
    }
}
