using Exporter.Core.Processes;
using Exporter.Core.Tests.Linux;
using Exporter.TestSupport;
using Microsoft.Extensions.Options;

namespace Exporter.Core.Tests.Processes;

/// <summary>procgroups on the fixture procfs: init (1), sleep (42, 43 a zombie), "my (odd) app" (100, two threads).</summary>
public sealed class ProcessGroupsCollectorTests
{
    private static readonly HostPaths Fixtures = new(
        RepoPaths.Combine("tests", "Exporter.Core.Tests", "fixtures", "proc"), "/nonexistent/sys", "/nonexistent/root");

    [Fact]
    public async Task Groups_by_command_name_with_process_exporter_names()
    {
        var s = await ProcessesAndTcpStatCollectorTests.CollectAsync(new ProcessGroupsCollector(Fixtures, Options.Create(new ProcessGroupsOptions())));

        s["namedprocess_namegroup_num_procs{sleep}"].Should().Be(2);
        s["namedprocess_namegroup_num_procs{my (odd) app}"].Should().Be(1);
        s["namedprocess_namegroup_cpu_seconds_total{my (odd) app,user}"].Should().Be(2.5);
        s["namedprocess_namegroup_cpu_seconds_total{my (odd) app,system}"].Should().Be(1.5);
        s["namedprocess_namegroup_cpu_seconds_total{sleep,user}"].Should().BeApproximately(0.04, 1e-9);
        s["namedprocess_namegroup_num_threads{my (odd) app}"].Should().Be(2);
        s["namedprocess_namegroup_memory_bytes{my (odd) app,resident}"].Should().Be(10240.0 * Environment.SystemPageSize);
        s["namedprocess_namegroup_memory_bytes{my (odd) app,virtual}"].Should().Be(232701952);
        s["namedprocess_namegroup_memory_bytes{my (odd) app,swapped}"].Should().Be(1024 * 1024);
        s["namedprocess_namegroup_open_filedesc{my (odd) app}"].Should().Be(8);
        s["namedprocess_namegroup_open_filedesc{sleep}"].Should().Be(3, "the zombie has no fd directory");
        s["namedprocess_namegroup_read_bytes_total{init}"].Should().Be(409600);
        s["namedprocess_namegroup_write_bytes_total{my (odd) app}"].Should().Be(2097152);
        s["namedprocess_namegroup_write_bytes_total{sleep}"].Should().Be(0);
        s["namedprocess_namegroup_states{sleep,Zombie}"].Should().Be(1);
        s["namedprocess_namegroup_states{sleep,Sleeping}"].Should().Be(1);
    }

    [Fact]
    public async Task Top_n_keeps_only_the_biggest_groups()
    {
        var options = Options.Create(new ProcessGroupsOptions { TopN = 1, TopBy = "Memory" });
        var s = await ProcessesAndTcpStatCollectorTests.CollectAsync(new ProcessGroupsCollector(Fixtures, options));

        s.Keys.Where(k => k.StartsWith("namedprocess_namegroup_num_procs", StringComparison.Ordinal))
            .Should().Equal("namedprocess_namegroup_num_procs{my (odd) app}");
    }

    [Theory]
    [InlineData(0, "cpu", true)]
    [InlineData(10, "MEMORY", true)]
    [InlineData(-1, "cpu", false)]
    [InlineData(5, "disk", false)]
    public void Options_are_checked_at_start(int topN, string topBy, bool valid) =>
        new ProcessGroupsOptions { TopN = topN, TopBy = topBy }.IsValid.Should().Be(valid);
}
