using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// node_entropy_available_bits and node_entropy_pool_size_bits from /proc/sys/kernel/random
/// (random(4)); each file holds one decimal number.
/// </summary>
internal sealed class EntropyCollector(HostPaths paths) : IInlineCollector
{
    private static readonly MetricDescriptor Available = new("node_entropy_available_bits", "Bits of available entropy.", MetricType.Gauge);
    private static readonly MetricDescriptor PoolSize = new("node_entropy_pool_size_bits", "Bits of entropy pool.", MetricType.Gauge);

    public string Name => "entropy";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        sink.AddIfPresent(Available, ProcFile.TryReadValue(paths.Proc("sys", "kernel", "random", "entropy_avail"), "entropy_avail"));
        sink.AddIfPresent(PoolSize, ProcFile.TryReadValue(paths.Proc("sys", "kernel", "random", "poolsize"), "poolsize"));

        return Task.CompletedTask;
    }
}
