using System.Text.Json;
using Docker.DotNet.Models;

namespace Exporter.Docker.Tests;

public sealed class ContainerMemoryTests
{
    [Fact]
    public void Cgroup_v1_working_set_is_usage_minus_total_inactive_file()
    {
        var memory = ContainerMemory.From(Stats(FakeEngine.Fixture("stats-burner.json")).MemoryStats!);

        // Captured: usage 458752, total_inactive_file 0, total_rss 110592, total_cache 4096.
        memory.Should().Be(new ContainerMemory(458752, 458752, 110592, 4096));
    }

    [Fact]
    public void Cgroup_v1_uses_the_hierarchical_total_keys_not_the_local_ones()
    {
        var memory = ContainerMemory.From(new MemoryStats { Usage = 10_000_000, Stats = new Dictionary<string, ulong>
        {
            ["inactive_file"] = 1_000, ["total_inactive_file"] = 3_000_000,
            ["rss"] = 1, ["total_rss"] = 5_000_000, ["cache"] = 2, ["total_cache"] = 4_000_000,
        } });

        memory.Should().Be(new ContainerMemory(10_000_000, 7_000_000, 5_000_000, 4_000_000));
    }

    [Fact]
    public void Cgroup_v2_working_set_is_usage_minus_inactive_file_and_rss_is_anon()
    {
        // Shape of a cgroup v2 engine's memory_stats: memory.stat passed through (cgroup-v2.rst).
        const string Json = """
            {"memory_stats": {"usage": 10485760, "limit": 67108864,
              "stats": {"anon": 2097152, "file": 6291456, "inactive_file": 4194304, "active_file": 2097152, "kernel_stack": 16384}}}
            """;
        var memory = ContainerMemory.From(Stats(Json).MemoryStats!);

        memory.Should().Be(new ContainerMemory(10485760, 6291456, 2097152, 6291456));
    }

    [Fact]
    public void Working_set_never_goes_below_zero()
    {
        var memory = ContainerMemory.From(new MemoryStats { Usage = 1000, Stats = new Dictionary<string, ulong> { ["inactive_file"] = 5000 } });

        memory.WorkingSet.Should().Be(1000);
        memory.Rss.Should().BeNull();
        memory.Cache.Should().BeNull();
    }

    // The engine's JSON read into Docker.DotNet's model, as its client does (reflection is fine in a test).
    private static ContainerStatsResponse Stats(string json) => JsonSerializer.Deserialize<ContainerStatsResponse>(json)!;
}
