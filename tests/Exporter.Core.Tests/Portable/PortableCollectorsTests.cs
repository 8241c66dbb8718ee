using Exporter.Core.Portable;
using Exporter.Core.Tests.Linux;

namespace Exporter.Core.Tests.Portable;

public sealed class PortableCollectorsTests
{
    [Fact]
    public void On_linux_the_procfs_collectors_are_the_defaults_and_the_portable_ones_are_off()
    {
        OperatingSystem.IsLinux().Should().BeTrue("these tests run on Linux");
        var byName = BuiltInCollectors.All.ToDictionary(r => r.Name, r => r.EnabledByDefault);

        byName["loadavg"].Should().BeTrue();
        byName["exporter"].Should().BeTrue();
        byName.Where(r => r.Key.StartsWith("portable_", StringComparison.Ordinal)).Should().HaveCount(4).And.OnlyContain(r => !r.Value);
    }

    [Fact]
    public async Task System_reports_what_the_runtime_sees()
    {
        var s = await ProcessesAndTcpStatCollectorTests.CollectAsync(new PortableSystemCollector(TimeProvider.System));

        s["portable_cpu_logical_count"].Should().Be(Environment.ProcessorCount);
        s["node_memory_MemTotal_bytes"].Should().Be(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        s["node_boot_time_seconds"].Should().BeLessThan(s["node_time_seconds"]);
    }

    [Fact]
    public async Task System_leaves_memory_to_the_system_collector_when_told()
    {
        var s = await ProcessesAndTcpStatCollectorTests.CollectAsync(new PortableSystemCollector(TimeProvider.System, memory: false));

        s.Keys.Should().NotContain(k => k.StartsWith("node_memory_", StringComparison.Ordinal));
        s.Should().ContainKey("node_boot_time_seconds");
    }

    [Fact]
    public async Task Filesystem_reports_the_root_once_with_free_space_within_its_size()
    {
        var s = await ProcessesAndTcpStatCollectorTests.CollectAsync(new PortableFilesystemCollector());

        var root = s.Keys.Single(k => k.StartsWith("node_filesystem_size_bytes{", StringComparison.Ordinal) && k.EndsWith(",/}", StringComparison.Ordinal));
        s[root].Should().BeGreaterThan(0);
        s[root.Replace("size", "avail", StringComparison.Ordinal)].Should().BeInRange(0, s[root]);
    }
}
