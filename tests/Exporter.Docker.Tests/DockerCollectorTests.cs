using Exporter.Core;
using Exporter.Core.Exposition;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Exporter.Docker.Tests;

/// <summary>The collector against <see cref="FakeEngine"/>, which replays a real engine's answers.</summary>
public sealed class DockerCollectorTests
{
    private const string BurnerId = "e94d1d2ec97d11c685b01858b8e1821588096b3a792f9089e74f0f97beeafa63";

    [Fact]
    public async Task Turns_the_engines_answers_into_cadvisor_metrics()
    {
        await using var engine = new FakeEngine();
        await engine.StartAsync();
        var sink = await CollectAsync(engine, labels: "app");

        string[] burner = ["burner", "local/busybox", BurnerId, "web"];
        Value(sink, "docker_up").Should().Be(1);
        Value(sink, "container_spec_memory_limit_bytes", burner).Should().Be(67108864);
        Value(sink, "container_cpu_usage_seconds_total", [.. burner, "total"]).Should().Be(4.156639818);
        Value(sink, "container_cpu_user_seconds_total", burner).Should().Be(4.12);
        Value(sink, "container_cpu_system_seconds_total", burner).Should().Be(0.03);
        Value(sink, "container_cpu_cfs_throttled_periods_total", burner).Should().Be(56);
        Value(sink, "container_cpu_cfs_throttled_seconds_total", burner).Should().Be(0.976132465);
        Value(sink, "container_memory_working_set_bytes", burner).Should().Be(458752);
        Value(sink, "container_memory_rss", burner).Should().Be(110592);
        Value(sink, "container_processes", burner).Should().Be(2);
        Value(sink, "container_network_receive_bytes_total", [.. burner, "eth0"]).Should().Be(1112);
        Value(sink, "container_start_time_seconds", burner).Should().Be(1795305063.981);
        Value(sink, "container_state", [.. burner, "running"]).Should().Be(1);
        Value(sink, "container_restart_count", ["flapper", "local/busybox", Id(sink, "flapper"), string.Empty]).Should().Be(3);
        Value(sink, "container_exit_code", ["stopped", "local/busybox", Id(sink, "stopped"), string.Empty]).Should().Be(3);
        Value(sink, "container_health_status", ["healthy", "local/busybox", Id(sink, "healthy"), string.Empty, "healthy"]).Should().Be(1);
        Value(sink, "docker_containers", "exited").Should().Be(2);
        Value(sink, "docker_containers", "dead").Should().Be(0);
    }

    [Fact]
    public async Task A_container_removed_after_the_list_is_left_out_whole()
    {
        await using var engine = new FakeEngine();
        engine.Gone.Add("stopped");
        await engine.StartAsync();
        var sink = await CollectAsync(engine);

        sink.Families.SelectMany(f => f.Samples).Should().NotContain(s => s.LabelValues.Contains("stopped"));
        Value(sink, "docker_containers", "exited").Should().Be(1, "only flapper is left");
        Value(sink, "docker_up").Should().Be(1);
    }

    [Fact]
    public async Task A_stats_call_past_the_budget_costs_only_that_containers_stats()
    {
        await using var engine = new FakeEngine();
        engine.Slow.Add("paused");
        await engine.StartAsync();
        var time = new FakeTimeProvider();
        using var collector = Collector(engine, null, TimeSpan.FromSeconds(1), time);
        var sink = new MetricSink();

        var collect = collector.CollectAsync(sink, CancellationToken.None);
        await engine.SlowStatsRequested.Task.WaitAsync(TimeSpan.FromMinutes(1));
        SpinWait.SpinUntil(() => collector.CallsInFlight == 1, TimeSpan.FromMinutes(1)).Should().BeTrue("the other containers' calls finish");
        time.Advance(TimeSpan.FromMilliseconds(999));
        collect.IsCompleted.Should().BeFalse("the budget is 1 s");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await collect.WaitAsync(TimeSpan.FromMinutes(1));

        Value(sink, "docker_up").Should().Be(1);
        Family(sink, "container_state").Samples.Should().Contain(s => s.LabelValues[0] == "paused");
        Family(sink, "container_cpu_usage_seconds_total").Samples.Should().NotContain(s => s.LabelValues[0] == "paused")
            .And.Contain(s => s.LabelValues[0] == "burner");
    }

    [Theory]
    [InlineData("{\"cpu_stats\": {\"cpu_usage\": {\"total_usage\": ")]
    [InlineData("{\"cpu_stats\": {\"cpu_usage\": {\"total_usage\": \"lots\"}}}")]
    [InlineData("null")]
    [InlineData("")]
    public async Task Malformed_or_truncated_stats_cost_only_that_containers_stats(string body)
    {
        await using var engine = new FakeEngine();
        engine.StatsBodies["burner"] = body;
        await engine.StartAsync();
        var sink = await CollectAsync(engine);

        Value(sink, "docker_up").Should().Be(1);
        Family(sink, "container_state").Samples.Should().Contain(s => s.LabelValues[0] == "burner");
        Family(sink, "container_spec_memory_limit_bytes").Samples.Should().Contain(s => s.LabelValues[0] == "burner", "inspect answered");
        Family(sink, "container_cpu_usage_seconds_total").Samples.Should().NotContain(s => s.LabelValues[0] == "burner")
            .And.Contain(s => s.LabelValues[0] == "healthy");
    }

    [Fact]
    public async Task An_engine_error_on_the_list_is_docker_up_0_and_nothing_else()
    {
        await using var engine = new FakeEngine(listStatus: 500);
        await engine.StartAsync();
        var sink = await CollectAsync(engine);

        sink.Families.Select(f => f.Descriptor.Name).Should().Equal("docker_up");
        Value(sink, "docker_up").Should().Be(0);
    }

    private static async Task<MetricSink> CollectAsync(FakeEngine engine, string? labels = null)
    {
        using var collector = Collector(engine, labels, TimeSpan.FromSeconds(4), new FakeTimeProvider());
        var sink = new MetricSink();
        await collector.CollectAsync(sink, CancellationToken.None);
        return sink;
    }

    private static DockerCollector Collector(FakeEngine engine, string? labels, TimeSpan timeout, TimeProvider time) => new(
        new DockerOptions { Host = "unix://" + engine.SocketPath, Labels = labels, Timeout = timeout },
        TimeSpan.FromSeconds(10),
        new HostPaths("/nonexistent/proc", "/nonexistent/sys", "/"),
        NullLogger.Instance,
        time);

    private static MetricFamily Family(MetricSink sink, string name) => sink.Families.Single(f => f.Descriptor.Name == name);

    private static double Value(MetricSink sink, string name, params string[] labels) =>
        Family(sink, name).Samples.Single(s => s.LabelValues.SequenceEqual(labels)).Value;

    private static string Id(MetricSink sink, string name) =>
        Family(sink, "container_state").Samples.Where(s => s.LabelValues[0] == name).Should().ContainSingle(
            string.Join(";", Family(sink, "container_state").Samples.Select(s => string.Join(",", s.LabelValues)))).Subject.LabelValues[2];
}
