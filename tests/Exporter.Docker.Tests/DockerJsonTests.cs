using Exporter.Docker;
using Exporter.TestSupport;

namespace Exporter.Docker.Tests;

/// <summary>Answers captured from a real engine (docker.io 20.10, API 1.41, cgroup v1) under fixtures/.</summary>
public sealed class DockerJsonTests
{
    internal static string Fixture(string name) =>
        File.ReadAllText(RepoPaths.Combine("tests", "Exporter.Docker.Tests", "fixtures", name));

    [Fact]
    public void Reads_the_version_and_negotiates_the_engines_api_version()
    {
        var version = DockerJson.ParseVersion(Fixture("version.json"));

        version.ApiVersion.Should().Be("1.41");
        version.MinApiVersion.Should().Be("1.12");
        DockerClient.Negotiate(version).Should().Be("v1.41");
    }

    [Theory]
    [InlineData("1.24", "v1.24")]
    [InlineData("1.51", "v1.51")]
    [InlineData("1.52", "v1.51")]
    [InlineData("2.0", "v1.51")]
    public void Negotiates_the_lower_of_the_engines_and_ours(string engine, string expected)
    {
        DockerClient.Negotiate(new DockerVersion("x", engine, "1.12")).Should().Be(expected);
    }

    [Fact]
    public void Rejects_a_version_that_is_not_one()
    {
        var act = () => DockerClient.Negotiate(new DockerVersion("x", "latest", null));
        act.Should().Throw<FormatException>().WithMessage("docker: version:*latest*");
    }

    [Fact]
    public void Reads_the_container_list_with_states_and_labels()
    {
        var containers = DockerJson.ParseContainers(Fixture("containers.json"));

        containers.Select(c => (c.Names![0], c.State)).Should().BeEquivalentTo(new[]
        {
            ("/flapper", "exited"), ("/healthy", "running"), ("/paused", "paused"),
            ("/stopped", "exited"), ("/sleeper", "running"), ("/burner", "running"),
        });
        var burner = containers.Single(c => c.Names![0] == "/burner");
        burner.Image.Should().Be("local/busybox");
        burner.Id.Should().HaveLength(64);
        burner.Labels.Should().BeEquivalentTo(new Dictionary<string, string> { ["app"] = "web", ["team"] = "core" });
    }

    [Fact]
    public void Reads_limit_restarts_exit_code_health_and_start_time_from_inspect()
    {
        var burner = DockerJson.ParseInspect(Fixture("inspect-burner.json"));
        burner.HostConfig!.Memory.Should().Be(64 * 1024 * 1024);
        burner.State!.Status.Should().Be("running");
        burner.State.StartedAt!.Value.ToUnixTimeMilliseconds().Should().Be(1795305063981); // 2026-11-21T23:51:03.981820092Z
        burner.State.Health.Should().BeNull();

        var flapper = DockerJson.ParseInspect(Fixture("inspect-flapper.json"));
        flapper.RestartCount.Should().Be(3);
        flapper.State!.ExitCode.Should().Be(1);

        DockerJson.ParseInspect(Fixture("inspect-stopped.json")).State!.ExitCode.Should().Be(3);
        DockerJson.ParseInspect(Fixture("inspect-healthy.json")).State!.Health!.Status.Should().Be("healthy");
        DockerJson.ParseInspect(Fixture("inspect-paused.json")).State!.Status.Should().Be("paused");
    }

    [Fact]
    public void Reads_cpu_throttling_memory_pids_and_network_from_stats()
    {
        var stats = DockerJson.ParseStats(Fixture("stats-burner.json"));

        stats.CpuStats!.CpuUsage!.TotalUsage.Should().Be(4156639818);
        stats.CpuStats.CpuUsage.UsageInUsermode.Should().Be(4120000000);
        stats.CpuStats.CpuUsage.UsageInKernelmode.Should().Be(30000000);
        stats.CpuStats.ThrottlingData.Should().Be(new ThrottlingData(91, 56, 976132465));
        stats.MemoryStats!.Usage.Should().Be(458752);
        stats.MemoryStats.Stats!["hierarchical_memory_limit"].Should().Be(67108864);
        stats.PidsStats!.Current.Should().Be(2);
        stats.Networks!["eth0"].RxPackets.Should().Be(12);
        stats.BlkioStats!.IoServiceBytesRecursive.Should().BeEmpty();
    }

    [Fact]
    public void A_stopped_containers_stats_have_no_memory_usage()
    {
        var stats = DockerJson.ParseStats(Fixture("stats-stopped.json"));

        stats.MemoryStats!.Usage.Should().BeNull();
        stats.Networks.Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"cpu_stats\": {\"cpu_usage\": {\"total_usage\": ")]
    [InlineData("{\"cpu_stats\": {\"cpu_usage\": {\"total_usage\": \"lots\"}}}")]
    [InlineData("null")]
    public void Rejects_malformed_or_truncated_stats(string json)
    {
        var act = () => DockerJson.ParseStats(json);
        act.Should().Throw<FormatException>().WithMessage("docker: containers/{id}/stats:*");
    }

    [Fact]
    public void Rejects_a_list_that_is_not_a_list()
    {
        var act = () => DockerJson.ParseContainers("{\"message\":\"page not found\"}");
        act.Should().Throw<FormatException>().WithMessage("docker: containers/json: malformed JSON*");
    }

    [Theory]
    [InlineData("{\"message\":\"No such container: nope\"}", "No such container: nope")]
    [InlineData("404 page not found", null)]
    public void Reads_the_message_of_an_error_answer(string body, string? message)
    {
        DockerJson.TryParseErrorMessage(body).Should().Be(message);
    }
}
