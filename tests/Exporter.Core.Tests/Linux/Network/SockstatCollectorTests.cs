using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class SockstatCollectorTests
{
    [Fact]
    public async Task Collects_both_files_with_memory_in_bytes()
    {
        var samples = await Fixtures.CollectAsync(new SockstatCollector(Fixtures.Paths));

        samples.Should().Contain("node_sockstat_sockets_used", 67);
        samples.Should().Contain("node_sockstat_TCP_tw", 2);
        samples.Should().Contain("node_sockstat_TCP_mem", 278);
        samples.Should().Contain("node_sockstat_TCP_mem_bytes", 278.0 * Environment.SystemPageSize);
        samples.Should().Contain("node_sockstat_UDP_mem_bytes", 2.0 * Environment.SystemPageSize);
        samples.Should().Contain("node_sockstat_FRAG6_memory", 0);
        samples.Should().Contain("node_sockstat_TCP6_inuse", 0);
        samples.Keys.Should().NotContain(k => k.Contains("UDPLITE_mem", StringComparison.Ordinal));
        samples.Should().HaveCount(20);
    }

    [Fact]
    public async Task Missing_files_are_no_data()
    {
        var empty = Directory.CreateTempSubdirectory();
        try
        {
            var samples = await Fixtures.CollectAsync(new SockstatCollector(new HostPaths(empty.FullName, empty.FullName, "/")));
            samples.Should().BeEmpty();
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
