using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Stack;

/// <summary>
/// Our host, scraped every second by a real Prometheus running a test copy of the shipped
/// prometheus.yml and rule files (local ports, 1 s scrape and rule intervals, everything else as
/// shipped), which forwards each tier through the shipped remote_write + write_relabel_configs to
/// its own real VictoriaMetrics. The host also scrapes a Docker engine and database servers
/// (<see cref="StackPeers"/>), so every dashboard has something to show.
/// </summary>
public sealed class LiveStack : IAsyncLifetime
{
    public static readonly string[] TierNames = ["1m", "5m", "1h"];

    private readonly string _dir = Directory.CreateTempSubdirectory("stack-").FullName;
    private readonly List<IDisposable> _owned = [];
    private StackPeers? _peers;

    public HostProcess Host { get; private set; } = null!;

    public PromQl Prometheus { get; private set; } = null!;

    /// <summary>The long-term store of each tier ("1m", "5m", "1h").</summary>
    public IReadOnlyDictionary<string, PromQl> Stores { get; private set; } = null!;

    /// <summary>The instance label Prometheus gives our host's series.</summary>
    public string Instance => $"127.0.0.1:{Host.Port}";

    public async Task InitializeAsync()
    {
        // The peers start (dockerd, initdb) while the stores do.
        _peers = new StackPeers(_dir);
        var peers = _peers.StartAsync();

        var stores = new Dictionary<string, PromQl>();
        foreach (var tier in TierNames)
        {
            var store = Own(await Server.StartAsync("victoria-metrics", "health",
                "-httpListenAddr=127.0.0.1:0", $"-storageDataPath={Path.Join(_dir, "vm-" + tier)}", "-retentionPeriod=1d",

                // Answer with what arrived a second ago, not only what is 30 s old (its default).
                "-search.latencyOffset=1s"));
            stores[tier] = Own(new PromQl(store.BaseAddress));
        }

        Stores = stores;
        await peers;
        Host = await HostProcess.StartAsync(_peers.Environment, [.. _peers.Flags]);
        _owned.Add(Host);

        // Prometheus listens on a port the kernel picks, so its own scrape target is known only once
        // it runs: the config gets it then, and a reload (the lifecycle API answers when done) applies it.
        var config = Path.Join(_dir, "prometheus.yml");
        WriteConfig(config, "127.0.0.1:0");
        var prometheus = Own(await Server.StartAsync("prometheus", "-/ready",
            $"--config.file={config}", $"--storage.tsdb.path={Path.Join(_dir, "prometheus")}",
            "--web.listen-address=127.0.0.1:0", "--web.enable-lifecycle"));
        WriteConfig(config, prometheus.Target);
        using (var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        using (var reload = await client.PostAsync(new Uri(prometheus.BaseAddress, "-/reload"), null))
        {
            reload.EnsureSuccessStatusCode();
        }

        Prometheus = Own(new PromQl(prometheus.BaseAddress));
        var started = DateTime.UtcNow;

        // Warm: every tier has recorded a rate (two scrapes, then each tier's rules in turn) and
        // forwarded it to its store, and the dashboards' 10 s rates ($__rate_interval) have history.
        foreach (var tier in TierNames)
        {
            await Server.EventuallyAsync(
                async () => (await Stores[tier].QueryAsync($"instance:node_cpu_usage_percent:avg_{tier}")).Count > 0 ? "ok" : null,
                TimeSpan.FromSeconds(90), $"the {tier} tier in its VictoriaMetrics");
        }

        var warm = started.AddSeconds(12) - DateTime.UtcNow;
        if (warm > TimeSpan.Zero)
        {
            await Task.Delay(warm);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }

        if (_peers is not null)
        {
            await _peers.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private void WriteConfig(string path, string prometheusTarget)
    {
        var source = RepoPaths.Combine("prometheus");

        // The tier groups run every second instead of every 1 m / 5 m / 1 h; the rules are unchanged.
        var tiers = Yaml.Load(Path.Join(source, "rules", "tiers.rules.yml"));
        foreach (var group in tiers.Maps("groups"))
        {
            group["interval"] = "1s";
        }

        var tierRules = Path.Join(_dir, "tiers.rules.yml");
        Yaml.Save(tiers, tierRules);

        var config = Yaml.Load(Path.Join(source, "prometheus.yml"));
        var global = config.Map("global");
        global["scrape_interval"] = "1s";
        global["scrape_timeout"] = "1s";
        global["evaluation_interval"] = "1s";
        config["rule_files"] = new List<object>
        {
            tierRules, Path.Join(source, "rules", "node-mixin.rules.yml"), Path.Join(source, "rules", "alerts.rules.yml"),
        };
        config.Remove("alerting");

        var jobs = config.Maps("scrape_configs").ToList();
        Target(jobs, "node", Instance);

        // Docker's stats call (stream=false) takes the engine one to two seconds: it waits for a second
        // CPU sample. The shipped 5 s timeout allows for that; a 1 s one would not.
        var node = jobs.Single(j => j.Text("job_name") == "node");
        node["scrape_interval"] = "3s";
        node["scrape_timeout"] = "3s";
        Target(jobs, "prometheus", prometheusTarget);
        config["scrape_configs"] = jobs.Where(j => j.Text("job_name") != "alertmanager").Cast<object>().ToList();

        foreach (var remote in config.Maps("remote_write"))
        {
            var tier = remote.Text("name").Replace("tier-", string.Empty, StringComparison.Ordinal);
            remote["url"] = new Uri(Stores[tier].BaseAddress, "api/v1/write").ToString();
            remote["queue_config"] = new Dictionary<object, object> { ["batch_send_deadline"] = "1s" };
        }

        Yaml.Save(config, path);
    }

    private static void Target(List<Dictionary<object, object>> jobs, string job, string target)
    {
        var config = jobs.Single(j => j.Text("job_name") == job);
        config["static_configs"] = new List<object> { new Dictionary<object, object> { ["targets"] = new List<object> { target } } };
    }
}

[CollectionDefinition(Name)]
public sealed class LiveStackCollection : ICollectionFixture<LiveStack>
{
    public const string Name = "live stack";
}
