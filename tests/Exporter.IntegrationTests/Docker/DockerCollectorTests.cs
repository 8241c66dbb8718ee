using System.Diagnostics;

namespace Exporter.IntegrationTests.Docker;

/// <summary>The docker collector against a real engine: values, states, and what disappears.</summary>
public sealed class DockerCollectorTests(DockerScenario scenario) : IClassFixture<DockerScenario>
{
    private static (string, string) Name(string name) => ("name", name);

    [Fact]
    public async Task The_memory_limit_is_exactly_64_MiB_and_memory_is_reported()
    {
        var scrape = await scenario.ScrapeAsync();

        scrape.Value("container_spec_memory_limit_bytes", Name("burner")).Should().Be(64 * 1024 * 1024);
        scrape.Value("container_spec_memory_limit_bytes", Name("sleeper")).Should().Be(0, "no -m: no limit");
        var usage = scrape.Value("container_memory_usage_bytes", Name("burner"));
        usage.Should().BeInRange(1, 64 * 1024 * 1024);
        scrape.Value("container_memory_working_set_bytes", Name("burner")).Should().BeInRange(1, usage);
        scrape.Value("container_memory_rss", Name("burner")).Should().BeGreaterThan(0);

        // docker-init and the one command: two processes.
        scrape.Value("container_processes", Name("sleeper")).Should().Be(2);
    }

    [Fact]
    public async Task Page_cache_is_the_cgroups_own_figure_and_holds_the_file_the_container_wrote()
    {
        // writer wrote 8 MiB to a file and sleeps: those pages stay in its cgroup's page cache. The
        // kernel's own memory.stat is read just before and just after the scrape.
        var id = await scenario.Engine.DockerAsync("inspect", "-f", "{{.Id}}", "writer");
        var before = KernelPageCacheBytes(id);
        var scrape = await scenario.ScrapeAsync();
        var after = KernelPageCacheBytes(id);

        var cache = scrape.Value("container_memory_cache", Name("writer"));
        cache.Should().BeInRange(Math.Min(before, after), Math.Max(before, after), "the engine passes the cgroup's memory.stat through");
        cache.Should().BeGreaterThanOrEqualTo(DockerScenario.WrittenBytes, "the file writer wrote is in its page cache");
        scrape.Value("container_memory_usage_bytes", Name("writer")).Should().BeGreaterThanOrEqualTo(cache, "usage includes the page cache");
    }

    // cgroup v1: total_cache of memory/docker/ID (as the engine's cgroupfs driver places it); v2: file.
    private static double KernelPageCacheBytes(string id)
    {
        var v1 = $"/sys/fs/cgroup/memory/docker/{id}/memory.stat";
        var (file, key) = File.Exists(v1)
            ? (v1, "total_cache ")
            : (Directory.EnumerateFiles("/sys/fs/cgroup", "memory.stat", SearchOption.AllDirectories).First(f => f.Contains(id, StringComparison.Ordinal)), "file ");
        return double.Parse(File.ReadLines(file).First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Cpu_seconds_grow_at_about_half_a_core_under_cpus_0_5()
    {
        // The kernel's own counter for the container (cgroup v1 cpuacct, or v2 cpu.stat) is the
        // reference. It is read just before and just after each scrape, so the engine's sample,
        // taken somewhere inside the scrape, must lie between the two readings however busy the
        // machine is.
        var id = await scenario.Engine.DockerAsync("inspect", "-f", "{{.Id}}", "burner");
        var clock = Stopwatch.StartNew();
        var first = await ScrapeBetweenKernelReadingsAsync(id, clock);
        await Task.Delay(TimeSpan.FromSeconds(6));
        var second = await ScrapeBetweenKernelReadingsAsync(id, clock);

        // The two samples lie at least this far apart and at most that far.
        var shortest = second.Started - first.Ended;
        var longest = second.Ended - first.Started;
        double Grown(string name, params (string, string)[] labels) =>
            second.Scrape.Value(name, [Name("burner"), .. labels]) - first.Scrape.Value(name, [Name("burner"), .. labels]);
        var cpu = Grown("container_cpu_usage_seconds_total", ("cpu", "total"));

        // --cpus 0.5 caps it at half a core; on an idle machine that is what it gets, on a busy one
        // (CI neighbours) less, but not nothing.
        (cpu / longest).Should().BeLessThan(0.55, "--cpus 0.5 caps the container at half a core");
        (cpu / shortest).Should().BeGreaterThan(0.05, "the container burns CPU all the time");
        (Grown("container_cpu_user_seconds_total") + Grown("container_cpu_system_seconds_total"))
            .Should().BeApproximately(cpu, 0.1 * longest, "user + system time is the total, in USER_HZ ticks");
        Grown("container_cpu_cfs_periods_total").Should().BeGreaterThan(0);

        // throttled may run 1 ms per 100 ms period and wants all of it: throttled in nearly every
        // period even when a busy machine leaves burner below its half core.
        double Throttled(string name) => second.Scrape.Value(name, Name("throttled")) - first.Scrape.Value(name, Name("throttled"));
        var periods = Throttled("container_cpu_cfs_periods_total");
        periods.Should().BeGreaterThan(0);
        Throttled("container_cpu_cfs_throttled_periods_total").Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(periods);
        Throttled("container_cpu_cfs_throttled_seconds_total").Should().BeGreaterThan(0, "a throttled period adds the time the group waited");
    }

    private async Task<(Scraped Scrape, double Started, double Ended)> ScrapeBetweenKernelReadingsAsync(string id, Stopwatch clock)
    {
        var started = clock.Elapsed.TotalSeconds;
        var before = KernelCpuSeconds(id);
        var scrape = await scenario.ScrapeAsync();
        var after = KernelCpuSeconds(id);
        var ended = clock.Elapsed.TotalSeconds;

        // Microsecond slack: cgroup v2 counts microseconds, the metric is a double in seconds.
        scrape.Value("container_cpu_usage_seconds_total", Name("burner"), ("cpu", "total"))
            .Should().BeInRange(before - 1e-6, after + 1e-6, "the engine reports the cgroup's own CPU time, read during the scrape");
        return (scrape, started, ended);
    }

    private static double KernelCpuSeconds(string id)
    {
        var v1 = $"/sys/fs/cgroup/cpuacct/docker/{id}/cpuacct.usage";
        if (File.Exists(v1))
        {
            return double.Parse(File.ReadAllText(v1), System.Globalization.CultureInfo.InvariantCulture) / 1e9;
        }

        var v2 = Directory.EnumerateFiles("/sys/fs/cgroup", "cpu.stat", SearchOption.AllDirectories).First(f => f.Contains(id, StringComparison.Ordinal));
        var usec = File.ReadLines(v2).First(l => l.StartsWith("usage_usec ", StringComparison.Ordinal)).Split(' ')[1];
        return double.Parse(usec, System.Globalization.CultureInfo.InvariantCulture) / 1e6;
    }

    [Fact]
    public async Task Every_container_has_one_state_series_and_the_counts_by_state_add_up()
    {
        var scrape = await scenario.ScrapeAsync();

        scrape.Value("container_state", Name("burner"), ("state", "running")).Should().Be(1);
        scrape.Value("container_state", Name("stopped"), ("state", "exited")).Should().Be(1);
        scrape.Value("container_state", Name("paused"), ("state", "paused")).Should().Be(1);
        scrape.All("container_state", Name("paused")).Should().ContainSingle();
        scrape.Value("container_exit_code", Name("stopped")).Should().Be(3);
        scrape.Value("container_exit_code", Name("burner")).Should().Be(0);
        scrape.Value("docker_up").Should().Be(1);

        var states = scrape.All("container_state").ToList();
        foreach (var state in new[] { "created", "running", "paused", "restarting", "exited", "dead" })
        {
            scrape.Value("docker_containers", ("state", state)).Should().Be(states.Count(s => s.Labels["state"] == state), state);
        }

        scrape.Value("docker_containers", ("state", "paused")).Should().Be(1);
        scrape.Value("node_scrape_collector_success", ("collector", "docker")).Should().Be(1);
    }

    [Fact]
    public async Task Restarts_by_the_restart_policy_are_counted_and_docker_restart_starts_the_container_anew()
    {
        var before = await scenario.ScrapeAsync();
        before.Value("container_restart_count", Name("flapper")).Should().Be(2);
        before.Value("container_exit_code", Name("flapper")).Should().Be(1);
        before.Value("container_state", Name("flapper"), ("state", "exited")).Should().Be(1);

        await scenario.Engine.DockerAsync("restart", "-t", "0", "restarted");
        var after = await scenario.ScrapeAsync();

        after.Value("container_start_time_seconds", Name("restarted")).Should().BeGreaterThan(before.Value("container_start_time_seconds", Name("restarted")));
        after.Value("container_start_time_seconds", Name("restarted")).Should().BeApproximately(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 60);
        after.Value("container_state", Name("restarted"), ("state", "running")).Should().Be(1);

        // The engine's RestartCount counts its own restarts (the policy), not docker restart.
        after.Value("container_restart_count", Name("restarted"))
            .Should().Be(double.Parse(await scenario.Engine.DockerAsync("inspect", "-f", "{{.RestartCount}}", "restarted"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Health_status_is_one_series_for_a_container_with_a_health_check()
    {
        var scrape = await scenario.ScrapeAsync();

        scrape.Value("container_health_status", Name("healthy"), ("status", "healthy")).Should().Be(1);
        scrape.All("container_health_status", Name("burner")).Should().BeEmpty("burner has no health check");
    }

    [Fact]
    public async Task Only_allow_listed_container_labels_become_metric_labels()
    {
        var scrape = await scenario.ScrapeAsync();

        scrape.Value("container_state", Name("burner"), ("container_label_app", "web")).Should().Be(1);
        scrape.Value("container_state", Name("sleeper"), ("container_label_app", string.Empty)).Should().Be(1);
        scrape.Text.Should().NotContain("container_label_secret").And.NotContain("s3cr3t");
    }

    [Fact]
    public async Task Network_counters_show_the_pings_on_eth0()
    {
        var scrape = await scenario.ScrapeAsync();

        var pinger = new[] { Name("pinger"), ("interface", "eth0") };
        scrape.Value("container_network_transmit_packets_total", pinger).Should().BeGreaterThanOrEqualTo(3);
        scrape.Value("container_network_receive_packets_total", pinger).Should().BeGreaterThanOrEqualTo(3);
        scrape.Value("container_network_transmit_bytes_total", pinger).Should().BeGreaterThanOrEqualTo(3 * 84, "three 84-byte ICMP echo packets");
        scrape.Value("container_network_receive_errors_total", pinger).Should().Be(0);
        scrape.Value("container_network_transmit_packets_dropped_total", pinger).Should().Be(0);
        scrape.All("container_network_receive_bytes_total", Name("burner")).Should().BeEmpty("burner has no network interfaces but lo");
    }

    [Fact]
    public async Task A_removed_container_is_gone_at_the_next_scrape()
    {
        await scenario.Engine.DockerAsync("run", "-d", "--init", "--name", "doomed", DockerEngine.Image, "sleep", "600");
        (await scenario.ScrapeAsync()).Value("container_state", Name("doomed"), ("state", "running")).Should().Be(1);

        await scenario.Engine.DockerAsync("rm", "-f", "doomed");
        var scrape = await scenario.ScrapeAsync();

        scrape.Samples.Where(s => s.Labels.TryGetValue("name", out var name) && name == "doomed").Should().BeEmpty();
        scrape.Value("container_state", Name("burner"), ("state", "running")).Should().Be(1);
    }

    [Fact]
    public async Task Tcp_with_tls_and_the_clis_certificate_directory_reaches_the_same_engine()
    {
        // A fresh host's first scrape opens a TLS connection per concurrent inspect and stats call;
        // on a busy machine those handshakes (both ends check a certificate chain) can outlast the
        // default 4 s budget, leaving burner's inspect out of the scrape while docker_up is 1. This
        // test is about reaching the engine, not about speed: generous timeouts, under the 30 s of
        // the scrape's HTTP client.
        string[] flags =
        [
            "--collector.disable-defaults", "--collector.docker", $"--collector.docker.host={scenario.Engine.TlsHost}", "--collector.docker.tls=true",
            "--collector.timeout=25s", "--collector.docker.timeout=20s",
        ];
        using (var host = await Exporter.TestSupport.HostProcess.StartAsync([.. flags, $"--collector.docker.tls-cert-path={scenario.Engine.CertPath}"]))
        {
            var scrape = new Scraped(await host.GetMetricsAsync());
            scrape.Value("docker_up").Should().Be(1, host.Output);
            scrape.Value("container_spec_memory_limit_bytes", Name("burner")).Should().Be(64 * 1024 * 1024, host.Output);
        }

        // Without the directory the engine's certificate is checked against the system's roots: refused.
        using (var host = await Exporter.TestSupport.HostProcess.StartAsync(flags))
        {
            new Scraped(await host.GetMetricsAsync()).Value("docker_up").Should().Be(0);
        }
    }

    [Fact]
    public async Task The_clis_environment_alone_reaches_the_tls_engine()
    {
        // DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH as the docker CLI reads them; no docker flag but the switch.
        var environment = new Dictionary<string, string>
        {
            ["DOCKER_HOST"] = scenario.Engine.TlsHost!,
            ["DOCKER_TLS_VERIFY"] = "1",
            ["DOCKER_CERT_PATH"] = scenario.Engine.CertPath,
        };
        using var host = await Exporter.TestSupport.HostProcess.StartAsync(environment, "--collector.disable-defaults", "--collector.docker");

        // A few scrapes at most: the first one also compiles the TLS path, which a busy machine may not finish within the budget.
        var scrape = new Scraped(await host.GetMetricsAsync());
        for (var attempt = 1; attempt < 5 && !scrape.All("container_spec_memory_limit_bytes", Name("burner")).Any(); attempt++)
        {
            scrape = new Scraped(await host.GetMetricsAsync());
        }

        scrape.Value("docker_up").Should().Be(1, host.Output);
        scrape.Value("container_spec_memory_limit_bytes", Name("burner")).Should().Be(64 * 1024 * 1024);
    }

    [Fact]
    public async Task Twenty_more_running_containers_are_sampled_concurrently_within_the_timeout()
    {
        // Stats take about a second each: one after another, 20 would blow the 5 s collector timeout.
        var names = Enumerable.Range(1, 20).Select(i => $"bulk{i}").ToList();
        await Task.WhenAll(names.Select(n => scenario.Engine.DockerAsync("run", "-d", "--init", "--name", n, DockerEngine.Image, "sleep", "600")));
        try
        {
            var scrape = await scenario.ScrapeAsync();

            scrape.Value("node_scrape_collector_success", ("collector", "docker")).Should().Be(1);
            scrape.Value("node_scrape_collector_duration_seconds", ("collector", "docker")).Should().BeLessThan(4);
            foreach (var name in names)
            {
                scrape.Value("container_cpu_usage_seconds_total", Name(name), ("cpu", "total")).Should().BeGreaterThan(0);
            }
        }
        finally
        {
            await scenario.Engine.DockerAsync(["rm", "-f", .. names]);
        }
    }
}
