using System.Net;
using Exporter.Docker;
using Microsoft.Extensions.Time.Testing;

namespace Exporter.Docker.Tests;

/// <summary>
/// Docker.DotNet reading answers captured from a real engine (docker.io 20.10, API 1.41, cgroup v1,
/// under fixtures/), replayed by <see cref="FakeEngine"/>: the fields the collector uses arrive.
/// </summary>
public sealed class DockerEngineClientTests : IAsyncLifetime
{
    private readonly FakeEngine _engine = new();
    private DockerEngineClient _client = null!;

    public async Task InitializeAsync()
    {
        await _engine.StartAsync();
        _client = new DockerEngineClient(DockerEndpoint.Parse("unix://" + _engine.SocketPath, tls: false), TimeSpan.FromSeconds(30), null, new FakeTimeProvider());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _engine.DisposeAsync();
    }

    [Fact]
    public async Task Reads_the_version_and_negotiates_the_engines_api_version()
    {
        await _client.ListContainersAsync(CancellationToken.None);

        _client.ApiVersion.Should().Be("1.41");
        _engine.Paths.Should().Contain("/version").And.Contain("/v1.41/containers/json");
    }

    [Theory]
    [InlineData("1.24", "1.24")]
    [InlineData("1.51", "1.51")]
    [InlineData("1.52", "1.51")]
    [InlineData("2.0", "1.51")]
    public void Negotiates_the_lower_of_the_engines_and_ours(string engine, string expected)
    {
        DockerEngineClient.Negotiate(engine).Should().Be(Version.Parse(expected));
    }

    [Fact]
    public void Rejects_a_version_that_is_not_one()
    {
        var act = () => DockerEngineClient.Negotiate("latest");
        act.Should().Throw<FormatException>().WithMessage("docker: version:*latest*");
    }

    [Fact]
    public async Task Reads_the_container_list_with_states_and_labels()
    {
        var containers = await _client.ListContainersAsync(CancellationToken.None);

        containers.Select(c => (c.Names![0], c.State)).Should().BeEquivalentTo(new[]
        {
            ("/flapper", "exited"), ("/healthy", "running"), ("/paused", "paused"),
            ("/stopped", "exited"), ("/sleeper", "running"), ("/burner", "running"),
        });
        var burner = containers.Single(c => c.Names![0] == "/burner");
        burner.Image.Should().Be("local/busybox");
        burner.ID.Should().HaveLength(64);
        burner.Labels.Should().BeEquivalentTo(new Dictionary<string, string> { ["app"] = "web", ["team"] = "core" });
    }

    [Fact]
    public async Task Reads_limit_restarts_exit_code_health_and_start_time_from_inspect()
    {
        var burner = await InspectAsync("burner");
        burner.HostConfig!.Memory.Should().Be(64 * 1024 * 1024);
        burner.State!.Status.Should().Be("running");
        DockerCollector.StartedAt(burner.State!.StartedAt)!.Value.ToUnixTimeMilliseconds().Should().Be(1795305063981); // 2026-11-21T23:51:03.981820092Z
        burner.State!.Health.Should().BeNull();

        var flapper = await InspectAsync("flapper");
        flapper.RestartCount.Should().Be(3);
        flapper.State!.ExitCode.Should().Be(1);

        (await InspectAsync("stopped")).State!.ExitCode.Should().Be(3);
        (await InspectAsync("healthy")).State!.Health!.Status.Should().Be("healthy");
        (await InspectAsync("paused")).State!.Status.Should().Be("paused");
    }

    [Theory]
    [InlineData("2026-11-21T23:51:03.981820092Z", 1795305063981L)]
    [InlineData("2026-11-21T23:51:03Z", 1795305063000L)]
    [InlineData("2026-11-22T01:51:03.5+02:00", 1795305063500L)]
    [InlineData("0001-01-01T00:00:00Z", -62135596800000L)]
    public void Start_times_keep_their_milliseconds_whatever_the_fraction_length(string text, long milliseconds)
    {
        DockerCollector.StartedAt(text)!.Value.ToUnixTimeMilliseconds().Should().Be(milliseconds);
    }

    [Fact]
    public async Task Reads_cpu_throttling_memory_pids_and_network_from_stats()
    {
        var stats = await _client.StatsAsync(await IdAsync("burner"), CancellationToken.None);

        stats.CPUStats!.CPUUsage!.TotalUsage.Should().Be(4156639818);
        stats.CPUStats.CPUUsage.UsageInUsermode.Should().Be(4120000000);
        stats.CPUStats.CPUUsage.UsageInKernelmode.Should().Be(30000000);
        (stats.CPUStats.ThrottlingData!.Periods, stats.CPUStats.ThrottlingData.ThrottledPeriods, stats.CPUStats.ThrottlingData.ThrottledTime)
            .Should().Be((91UL, 56UL, 976132465UL));
        stats.MemoryStats!.Usage.Should().Be(458752);
        stats.MemoryStats.Stats!["hierarchical_memory_limit"].Should().Be(67108864);
        stats.PidsStats!.Current.Should().Be(2);
        stats.Networks!["eth0"].RxPackets.Should().Be(12);
        stats.BlkioStats!.IoServiceBytesRecursive.Should().BeEmpty();
        _engine.Paths.Should().Contain(p => p.EndsWith("/stats", StringComparison.Ordinal) && p.StartsWith("/v1.41/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stopped_containers_stats_have_no_memory_usage()
    {
        var stats = await _client.StatsAsync(await IdAsync("stopped"), CancellationToken.None);

        stats.MemoryStats!.Usage.Should().BeNull();
        stats.Networks.Should().BeNull();
    }

    [Fact]
    public async Task A_missing_container_is_not_found_with_the_engines_message()
    {
        var act = () => _client.InspectAsync("nope", CancellationToken.None);

        var error = (await act.Should().ThrowAsync<DockerCallException>()).Which;
        error.Status.Should().Be(HttpStatusCode.NotFound);
        error.Message.Should().Be("docker: /containers/{id}/json: 404 No such container: nope");
    }

    [Fact]
    public async Task A_missing_socket_names_the_engine()
    {
        using var client = new DockerEngineClient(DockerEndpoint.Parse("unix:///nonexistent/docker.sock", tls: false), TimeSpan.FromSeconds(30), null, new FakeTimeProvider());

        var act = () => client.ListContainersAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<DockerCallException>()).WithMessage("docker: cannot reach the engine at unix:///nonexistent/docker.sock: *");
    }

    [Theory]
    [InlineData("{\"message\":\"No such container: nope\"}", "No such container: nope")]
    [InlineData("404 page not found\n", "404 page not found")]
    [InlineData("[1,2]", "[1,2]")]
    public void Reads_the_message_of_an_error_answer(string body, string message)
    {
        DockerEngineClient.ErrorMessage(body).Should().Be(message);
    }

    private async Task<string> IdAsync(string name) =>
        (await _client.ListContainersAsync(CancellationToken.None)).Single(c => c.Names![0] == "/" + name).ID;

    private async Task<global::Docker.DotNet.Models.ContainerInspectResponse> InspectAsync(string name) =>
        await _client.InspectAsync(await IdAsync(name), CancellationToken.None);
}
