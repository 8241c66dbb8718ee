using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Stack;

/// <summary>
/// Our host, scraped every second by a real Prometheus running a test copy of the shipped
/// prometheus.yml and rule files (local ports, 1 s scrape and rule intervals, everything else as
/// shipped), which forwards each tier through the shipped remote_write + write_relabel_configs to
/// its own real VictoriaMetrics.
/// </summary>
public sealed class LiveStack : IAsyncLifetime
{
    public static readonly string[] TierNames = ["1m", "5m", "1h"];

    private readonly string _dir = Directory.CreateTempSubdirectory("stack-").FullName;
    private readonly List<IDisposable> _owned = [];

    public HostProcess Host { get; private set; } = null!;

    public PromQl Prometheus { get; private set; } = null!;

    /// <summary>The long-term store of each tier ("1m", "5m", "1h").</summary>
    public IReadOnlyDictionary<string, PromQl> Stores { get; private set; } = null!;

    /// <summary>The instance label Prometheus gives our host's series.</summary>
    public string Instance => $"127.0.0.1:{Host.Port}";

    public async Task InitializeAsync()
    {
        Host = await HostProcess.StartAsync();
        _owned.Add(Host);

        var stores = new Dictionary<string, PromQl>();
        foreach (var tier in TierNames)
        {
            var port = FreePort.Next();
            var url = new Uri($"http://127.0.0.1:{port}/");
            _owned.Add(await Server.StartAsync("victoria-metrics", new Uri(url, "health"),
                $"-httpListenAddr=127.0.0.1:{port}", $"-storageDataPath={Path.Join(_dir, "vm-" + tier)}", "-retentionPeriod=1d",
                // Answer with what arrived a second ago, not only what is 30 s old (its default).
                "-search.latencyOffset=1s"));
            stores[tier] = Own(new PromQl(url));
        }

        Stores = stores;

        var prometheusPort = FreePort.Next();
        var config = Path.Join(_dir, "prometheus.yml");
        WriteConfig(config, prometheusPort);
        var prometheusUrl = new Uri($"http://127.0.0.1:{prometheusPort}/");
        _owned.Add(await Server.StartAsync("prometheus", new Uri(prometheusUrl, "-/ready"),
            $"--config.file={config}", $"--storage.tsdb.path={Path.Join(_dir, "prometheus")}",
            $"--web.listen-address=127.0.0.1:{prometheusPort}"));
        Prometheus = Own(new PromQl(prometheusUrl));
        var started = DateTime.UtcNow;

        // Warm: every tier has been recorded and has reached its store at least once.
        foreach (var tier in TierNames)
        {
            await Server.EventuallyAsync(
                async () => (await Stores[tier].MetricNamesAsync()).Count > 0 ? "ok" : null,
                TimeSpan.FromSeconds(90), $"the {tier} tier in its VictoriaMetrics");
        }

        // Dashboards rate over 10 s ($__rate_interval): let that much history build up.
        var warm = started.AddSeconds(12) - DateTime.UtcNow;
        if (warm > TimeSpan.Zero)
        {
            await Task.Delay(warm);
        }
    }

    public Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }

        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private void WriteConfig(string path, int prometheusPort)
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
        Target(jobs, "prometheus", $"127.0.0.1:{prometheusPort}");
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
