using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Docker;

/// <summary>
/// One engine with the containers the tests look at, and our host scraping it:
/// burner (-m 64m --cpus 0.5, burning CPU with yes), sleeper and pinger on a user-defined network,
/// stopped (exited 3), paused, flapper (restart policy on-failure:2, exits 1), healthy (a health
/// check), restarted (for docker restart), writer (wrote a file, so its page cache holds it),
/// throttled (--cpus 0.01, burning CPU: over its quota in every period, however busy the machine).
/// </summary>
public sealed class DockerScenario : IAsyncLifetime
{
    /// <summary>What writer writes to a file in its own file system before sleeping: 8 MiB.</summary>
    public const int WrittenBytes = 8 * 1024 * 1024;

    public DockerEngine Engine { get; } = new() { WithTls = true };

    public HostProcess Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Engine.InitializeAsync();
        const string Image = DockerEngine.Image;
        await Engine.DockerAsync("network", "create", "--internal", "testnet");
        await Task.WhenAll(
            Engine.DockerAsync("run", "-d", "--init", "--name", "burner", "-m", "64m", "--cpus", "0.5", "--label", "app=web", "--label", "secret=s3cr3t", Image, "sh", "-c", "yes > /dev/null"),
            Engine.DockerAsync("run", "-d", "--init", "--name", "sleeper", "--network", "testnet", Image, "sleep", "600"),
            Engine.DockerAsync("run", "-d", "--init", "--name", "pinger", "--network", "testnet", Image, "sleep", "600"),
            Engine.DockerAsync("run", "-d", "--init", "--name", "stopped", Image, "sh", "-c", "exit 3"),
            Engine.DockerAsync("run", "-d", "--init", "--name", "paused", Image, "sleep", "600"),
            Engine.DockerAsync("run", "-d", "--init", "--name", "flapper", "--restart", "on-failure:2", Image, "sh", "-c", "exit 1"),
            Engine.DockerAsync("run", "-d", "--init", "--name", "healthy", "--health-cmd", "true", "--health-interval", "1s", Image, "sleep", "600"),
            Engine.DockerAsync("run", "-d", "--init", "--name", "restarted", Image, "sleep", "600"),
            Engine.DockerAsync("run", "-d", "--init", "--name", "throttled", "--cpus", "0.01", Image, "sh", "-c", "yes > /dev/null"),
            Engine.DockerAsync("run", "-d", "--init", "--name", "writer", "-m", "64m", Image, "sh", "-c",
                $"dd if=/dev/zero of=/tmp/fill bs=1048576 count={WrittenBytes / 1048576} && : > /tmp/written && sleep 600"));
        await Engine.DockerAsync("pause", "paused");

        // Traffic the network counters must show: three pings from pinger to sleeper.
        var target = await Engine.DockerAsync("inspect", "-f", "{{.NetworkSettings.Networks.testnet.IPAddress}}", "sleeper");
        await Engine.DockerAsync("exec", "pinger", "ping", "-c", "3", "-i", "0.2", "-W", "1", target);

        await WaitForAsync("stopped", "{{.State.Status}}", "exited");
        await WaitForAsync("flapper", "{{.RestartCount}} {{.State.Status}}", "2 exited");
        await WaitForAsync("healthy", "{{.State.Health.Status}}", "healthy");
        await Engine.DockerAsync("exec", "writer", "sh", "-c", "while [ ! -e /tmp/written ]; do sleep 1; done");

        Host = await HostProcess.StartAsync(
            "--collector.disable-defaults", "--collector.loadavg", "--collector.docker",
            $"--collector.docker.host={Engine.Host}", "--collector.docker.labels=app");

        // Warm the host (JIT, the engine's connections) until one scrape has every container's
        // inspect data, so the tests' scrapes are not a cold host's first under a busy machine's load.
        var names = (await Engine.DockerAsync("ps", "-a", "--format", "{{.Names}}")).Split('\n');
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!names.All((await ScrapeAsync()).All("container_spec_memory_limit_bytes").Select(s => s.Labels["name"]).Contains))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the host did not report every container within 60 s: " + Host.Output);
            }

            await Task.Delay(500);
        }
    }

    public async Task<Scraped> ScrapeAsync() => new(await Host.GetMetricsAsync());

    public async Task DisposeAsync()
    {
        Host?.Dispose();
        await Engine.DisposeAsync();
    }

    private async Task WaitForAsync(string container, string format, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string actual;
        while ((actual = await Engine.DockerAsync("inspect", "-f", format, container)) != expected)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{container}: {format} is '{actual}', waited for '{expected}'");
            }

            await Task.Delay(200);
        }
    }
}
