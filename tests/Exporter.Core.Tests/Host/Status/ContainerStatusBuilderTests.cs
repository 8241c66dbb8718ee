using Exporter.Core.Exposition;
using Exporter.Host.Status;
using static Exporter.Core.Tests.Host.Status.Families;

namespace Exporter.Core.Tests.Host.Status;

public sealed class ContainerStatusBuilderTests
{
    private const string WebId = "aaaaaaaaaaaa1111111111111111111111111111111111111111111111111111";
    private const string JobId = "bbbbbbbbbbbb2222222222222222222222222222222222222222222222222222";
    private static readonly string[] Labels = ["name", "image", "id"];

    [Fact]
    public void Without_the_docker_collector_there_is_no_containers_section()
    {
        ContainerStatusBuilder.Build(At(0, Collectors("cpu")), null).Should().BeNull();
    }

    [Fact]
    public void An_engine_that_does_not_answer_is_down_with_no_containers()
    {
        var containers = ContainerStatusBuilder.Build(At(0, Collectors("docker"), Gauge("docker_up", 0)), null);

        containers.Should().BeEquivalentTo(new ContainersStatus(false, []));
    }

    [Fact]
    public void Running_and_exited_containers_with_uptime_cpu_memory_against_limit_restarts_and_health()
    {
        MetricFamily[] Families(double webCpu, double time) =>
        [
            Collectors("docker"), Gauge("docker_up", 1), Gauge("node_time_seconds", time),
            Of("container_state", MetricType.Gauge, [.. Labels, "state"], (["web", "nginx:1", WebId, "running"], 1), (["web", "nginx:1", WebId, "exited"], 0), (["job", "busybox", JobId, "exited"], 1)),
            Of("container_start_time_seconds", MetricType.Gauge, Labels, (["web", "nginx:1", WebId], 1000), (["job", "busybox", JobId], 500)),
            Of("container_cpu_usage_seconds_total", MetricType.Counter, [.. Labels, "cpu"], (["web", "nginx:1", WebId, "total"], webCpu)),
            Of("container_memory_working_set_bytes", MetricType.Gauge, Labels, (["web", "nginx:1", WebId], 16 << 20)),
            Of("container_memory_usage_bytes", MetricType.Gauge, Labels, (["web", "nginx:1", WebId], 20 << 20)),
            Of("container_spec_memory_limit_bytes", MetricType.Gauge, Labels, (["web", "nginx:1", WebId], 64 << 20), (["job", "busybox", JobId], 0)),
            Of("container_restart_count", MetricType.Gauge, Labels, (["web", "nginx:1", WebId], 0), (["job", "busybox", JobId], 3)),
            Of("container_health_status", MetricType.Gauge, [.. Labels, "status"], (["web", "nginx:1", WebId, "healthy"], 1)),
        ];

        var containers = ContainerStatusBuilder.Build(At(10, Families(webCpu: 4.5, time: 4600)), At(0, Families(webCpu: 2, time: 4590)));

        containers!.EngineUp.Should().BeTrue();
        containers.List.Should().Equal(
            new ContainerStatus("job", "busybox", "bbbbbbbbbbbb", "exited", null, null, null, null, null, null, 3),
            new ContainerStatus("web", "nginx:1", "aaaaaaaaaaaa", "running", "healthy", 3600, 25, 16 << 20, 64 << 20, 25, 0));
    }

    [Fact]
    public void Memory_falls_back_to_usage_and_no_limit_means_no_percentage()
    {
        var containers = ContainerStatusBuilder.Build(At(0,
            Collectors("docker"), Gauge("docker_up", 1),
            Of("container_state", MetricType.Gauge, [.. Labels, "state"], (["web", "nginx", WebId, "running"], 1)),
            Of("container_memory_usage_bytes", MetricType.Gauge, Labels, (["web", "nginx", WebId], 1000)),
            Of("container_spec_memory_limit_bytes", MetricType.Gauge, Labels, (["web", "nginx", WebId], 0))), null);

        var web = containers!.List.Single();
        web.MemoryBytes.Should().Be(1000);
        web.MemoryLimitBytes.Should().BeNull();
        web.MemoryPercent.Should().BeNull();
        web.CpuPercent.Should().BeNull("there is no earlier reading to compare with");
    }
}
