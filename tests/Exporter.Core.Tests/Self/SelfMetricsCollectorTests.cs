using Exporter.Core.Self;
using Exporter.Core.Tests.Linux;

namespace Exporter.Core.Tests.Self;

public sealed class SelfMetricsCollectorTests
{
    [Fact]
    public async Task Reports_this_process()
    {
        var s = await ProcessesAndTcpStatCollectorTests.CollectAsync(new SelfMetricsCollector());

        s["process_cpu_seconds_total"].Should().BeGreaterThan(0);
        s["process_resident_memory_bytes"].Should().BeApproximately(Environment.WorkingSet, 64 * 1024 * 1024);
        s["process_virtual_memory_bytes"].Should().BeGreaterThan(s["process_resident_memory_bytes"]);
        s["process_open_fds"].Should().BeGreaterThan(2).And.BeLessThan(s["process_max_fds"]);
        s["process_start_time_seconds"].Should().BeInRange(
            DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        s.Keys.Should().ContainSingle(k => k.StartsWith("exporter_build_info{", StringComparison.Ordinal))
            .Which.Should().Contain(Environment.Version.ToString());
    }
}
