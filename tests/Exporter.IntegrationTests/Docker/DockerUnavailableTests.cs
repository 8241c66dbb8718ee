using System.Net.Sockets;
using System.Text.RegularExpressions;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Docker;

/// <summary>
/// No engine, a stopped engine, an engine that never answers: docker_up 0, the docker collector
/// itself still succeeds (so no false "collector broken" alert), the error is logged once, and
/// the other collectors are untouched.
/// </summary>
public sealed class DockerUnavailableTests
{
    private static readonly string[] Flags = ["--collector.disable-defaults", "--collector.loadavg", "--collector.docker"];

    [Fact]
    public async Task A_socket_that_does_not_exist_is_docker_up_0_logged_once()
    {
        var dir = Directory.CreateTempSubdirectory("exporter-nodocker-");
        try
        {
            using var host = await HostProcess.StartAsync([.. Flags, $"--collector.docker.host=unix://{dir.FullName}/docker.sock"]);
            for (var i = 0; i < 3; i++)
            {
                var scrape = new Scraped(await host.GetMetricsAsync());
                AssertDownButScrapeFine(scrape);
            }

            var output = await host.WaitForOutputAsync("Docker engine unavailable");
            Regex.Count(output, "Docker engine unavailable").Should().Be(1, output);
            output.Should().Contain($"{dir.FullName}/docker.sock");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_socket_we_may_not_open_is_docker_up_0_with_the_reason_logged()
    {
        // A root-owned 0600 socket, and the host run as nobody (setpriv): permission denied.
        var dir = Directory.CreateTempSubdirectory("exporter-permdocker-");
        dir.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        var path = Path.Join(dir.FullName, "docker.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(4);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // nobody may not be able to reach the build under the clone (a private directory): it runs a
        // copy, from the copy's directory (its content root: the working directory).
        var copy = Directory.CreateTempSubdirectory("exporter-hostcopy-");
        try
        {
            var (program, arguments) = RepoPaths.ReadableHostCopy(copy, ["--web.listen-address=127.0.0.1:0", .. Flags, $"--collector.docker.host=unix://{path}"]);
            using var host = await LocalServer.StartAsync(
                Tools.Require("setpriv"),
                ["--reuid=65534", "--regid=65534", "--clear-groups", program, .. arguments],
                "/-/ready",
                new Dictionary<string, string> { ["HOME"] = "/tmp" },
                "host as nobody",
                workingDirectory: copy.FullName);
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var body = await client.GetStringAsync(new Uri(host.BaseAddress, "metrics"));

            AssertDownButScrapeFine(new Scraped(body));
            (await host.Process.WaitForOutputAsync("Permission denied")).Should().Contain("Permission denied");
        }
        finally
        {
            listener.Dispose();
            dir.Delete(recursive: true);
            copy.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_engine_that_never_answers_is_docker_up_0_after_the_docker_timeout()
    {
        var dir = Directory.CreateTempSubdirectory("exporter-slowdocker-");
        var path = Path.Join(dir.FullName, "docker.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(16);
        var accepted = new List<Socket>();
        _ = Task.Run(async () =>
        {
            // Accept and read, never answer.
            while (true)
            {
                var client = await listener.AcceptAsync();
                lock (accepted)
                {
                    accepted.Add(client);
                }
            }
        });

        try
        {
            using var host = await HostProcess.StartAsync([.. Flags, $"--collector.docker.host=unix://{path}", "--collector.docker.timeout=1s"]);
            var scrape = new Scraped(await host.GetMetricsAsync());

            AssertDownButScrapeFine(scrape);
            scrape.Value("node_scrape_collector_duration_seconds", ("collector", "docker")).Should().BeInRange(0.9, 3);
            (await host.WaitForOutputAsync("no answer within 1s")).Should().Contain("no answer within 1s");
        }
        finally
        {
            lock (accepted)
            {
                accepted.ForEach(s => s.Dispose());
            }

            listener.Dispose();
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_daemon_that_stops_is_docker_up_0_and_the_other_collectors_still_succeed()
    {
        var engine = new DockerEngine();
        try
        {
            await engine.InitializeAsync();
            await engine.DockerAsync("run", "-d", "--init", "--name", "alive", DockerEngine.Image, "sleep", "600");
            // A cold host's first list call can outlast the default 4 s on a busy machine; this test
            // is about the engine going away, not speed.
            using var host = await HostProcess.StartAsync([.. Flags, $"--collector.docker.host={engine.Host}", "--collector.timeout=25s", "--collector.docker.timeout=20s"]);
            var up = new Scraped(await host.GetMetricsAsync());
            up.Value("docker_up").Should().Be(1);
            up.Value("container_state", ("name", "alive"), ("state", "running")).Should().Be(1);

            await engine.DockerAsync("rm", "-f", "alive");
            await engine.StopDaemonAsync();
            var down = new Scraped(await host.GetMetricsAsync());

            AssertDownButScrapeFine(down);
            down.All("container_state").Should().BeEmpty("nothing is kept from before the engine went away");
            down.All("docker_containers").Should().BeEmpty();
        }
        finally
        {
            await engine.DisposeAsync();
        }
    }

    private static void AssertDownButScrapeFine(Scraped scrape)
    {
        scrape.Value("docker_up").Should().Be(0);
        scrape.Value("node_scrape_collector_success", ("collector", "docker")).Should().Be(1);
        scrape.Value("node_scrape_collector_success", ("collector", "loadavg")).Should().Be(1);
        scrape.All("node_load1").Should().ContainSingle();
    }
}
