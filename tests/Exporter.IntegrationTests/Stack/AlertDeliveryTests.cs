using System.Text.Json;
using Exporter.TestSupport;
using Exporter.TestSupport.Exposition;

namespace Exporter.IntegrationTests.Stack;

/// <summary>
/// End to end: our host reads a /proc/stat the test drives, a real Prometheus evaluates the shipped
/// HostHighCpuUsage warning rule with its threshold lowered to 50%, its window to 5 s and its `for`
/// to 5 s, and a real Alertmanager with the shipped routing, grouping and inhibition (group_wait
/// 1 s, group_interval 2 s; every receiver pointed at a webhook in the test) notifies: once,
/// grouped by alertname and instance, after the `for`, and again when the CPU calms down.
/// </summary>
public sealed class AlertDeliveryTests : IAsyncLifetime
{
    private static readonly TimeSpan For = TimeSpan.FromSeconds(5);

    private readonly string _dir = Directory.CreateTempSubdirectory("alerts-").FullName;
    private readonly List<IDisposable> _owned = [];
    private FakeProcStat _cpu = null!;
    private WebhookReceiver _webhook = null!;
    private HostProcess _host = null!;
    private LocalServer _alertmanager = null!;
    private LocalServer _prometheus = null!;

    public async Task InitializeAsync()
    {
        _cpu = Own(new FakeProcStat(Path.Join(_dir, "proc")));
        _webhook = Own(new WebhookReceiver());
        _host = Own(await HostProcess.StartAsync($"--path.procfs={Path.Join(_dir, "proc")}"));

        var alertmanagerConfig = Path.Join(_dir, "alertmanager.yml");
        WriteAlertmanagerConfig(alertmanagerConfig);
        _alertmanager = Own(await Server.StartAsync("prometheus-alertmanager", "-/ready",
            $"--config.file={alertmanagerConfig}", $"--storage.path={Path.Join(_dir, "alertmanager")}",
            "--web.listen-address=127.0.0.1:0", "--cluster.listen-address="));

        var prometheusConfig = Path.Join(_dir, "prometheus.yml");
        WritePrometheusConfig(prometheusConfig, _alertmanager.Target);
        _prometheus = Own(await Server.StartAsync("prometheus", "-/ready",
            $"--config.file={prometheusConfig}", $"--storage.tsdb.path={Path.Join(_dir, "prometheus")}",
            "--web.listen-address=127.0.0.1:0"));
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

    [Fact]
    public async Task Cpu_alert_reaches_the_webhook_once_grouped_and_then_its_resolution()
    {
        (await _host.GetMetricsAsync()).Should().Contain("node_cpu_seconds_total{cpu=\"0\",mode=\"user\"}",
            "the host must read the test's /proc/stat (the cpu collector)");

        _cpu.Busy = 0.9;
        var busySince = DateTime.UtcNow;
        var firing = await NotificationAsync(1);

        firing.At.Should().BeOnOrAfter(busySince + For, "the alert waits for its `for`");
        firing.At.Should().BeBefore(busySince + TimeSpan.FromSeconds(45));
        var body = firing.Body;
        body.GetProperty("status").GetString().Should().Be("firing");
        body.GetProperty("receiver").GetString().Should().Be("warning");
        Labels(body.GetProperty("groupLabels")).Should().Equal(new Dictionary<string, string>
        {
            ["alertname"] = "HostHighCpuUsage", ["instance"] = $"127.0.0.1:{_host.Port}",
        });
        var alert = body.GetProperty("alerts").EnumerateArray().Should().ContainSingle().Subject;
        Labels(alert.GetProperty("labels")).Should().Contain("severity", "warning");
        alert.GetProperty("annotations").GetProperty("summary").GetString().Should().Be($"CPU usage above 50% on 127.0.0.1:{_host.Port}");

        // Still firing, still one notification: the group has not changed and repeat_interval is hours.
        // Alertmanager flushes the group every group_interval and asks its notification log whether
        // to send; once it has asked twice more (its own counter), nothing may have gone out.
        var asked = await AlertmanagerCounterAsync("alertmanager_nflog_queries_total");
        await Server.EventuallyAsync(
            async () => await AlertmanagerCounterAsync("alertmanager_nflog_queries_total") >= asked + 2 ? "flushed" : null,
            TimeSpan.FromSeconds(60), "two more flushes of the firing group");
        _webhook.Received.Should().HaveCount(1);
        (await AlertmanagerCounterAsync("alertmanager_notifications_total", ("integration", "webhook"))).Should().Be(1);

        _cpu.Busy = 0.05;
        var calmSince = DateTime.UtcNow;
        var resolved = await NotificationAsync(2);

        resolved.At.Should().BeAfter(calmSince).And.BeBefore(calmSince + TimeSpan.FromSeconds(45));
        resolved.Body.GetProperty("status").GetString().Should().Be("resolved");
        resolved.Body.GetProperty("groupKey").GetString().Should().Be(body.GetProperty("groupKey").GetString());

        // Nothing after the resolution: a resolved alert leaves its group once notified, and an empty
        // group sends nothing. Wait until Alertmanager shows no group and Prometheus no pending or
        // firing alert (nothing left that could send), then count.
        await Server.EventuallyAsync(
            async () => await CountAsync(_alertmanager, "api/v2/alerts/groups", root => root) == 0
                && await CountAsync(_prometheus, "api/v1/alerts", root => root.GetProperty("data").GetProperty("alerts")) == 0 ? "idle" : null,
            TimeSpan.FromSeconds(60), "no alert group left in Alertmanager and no alert in Prometheus");
        _webhook.Received.Should().HaveCount(2, "nothing is sent after the resolution");
        (await AlertmanagerCounterAsync("alertmanager_notifications_total", ("integration", "webhook"))).Should().Be(2);
    }

    private async Task<(DateTime At, JsonElement Body)> NotificationAsync(int count)
    {
        var received = await Server.EventuallyAsync(
            () => Task.FromResult(_webhook.Received.Count >= count ? _webhook.Received : null),
            TimeSpan.FromSeconds(60), $"notification {count} at the webhook");
        received.Should().HaveCount(count, "one notification per change of the group, no duplicates");
        return received[count - 1];
    }

    /// <summary>A counter from Alertmanager's own /metrics, summed over the series with the given labels.</summary>
    private async Task<double> AlertmanagerCounterAsync(string name, params (string Label, string Value)[] labels)
    {
        var metrics = await Scrapes.ParseAsync(new Uri(_alertmanager.BaseAddress, "metrics"));
        return metrics[name]?.Samples.Where(s => labels.All(l => s.Labels.GetValueOrDefault(l.Label) == l.Value)).Sum(s => s.Value) ?? 0;
    }

    private static async Task<int> CountAsync(LocalServer server, string path, Func<JsonElement, JsonElement> array)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(server.BaseAddress, path)));
        return array(json.RootElement).GetArrayLength();
    }

    private static Dictionary<string, string> Labels(JsonElement labels) =>
        labels.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    /// <summary>The shipped warning rule, made quick: threshold 50%, 5 s rate window, `for` 5 s.</summary>
    private string WriteRules()
    {
        var rule = Yaml.Load(RepoPaths.Combine("prometheus", "rules", "alerts.rules.yml")).Maps("groups")
            .SelectMany(g => g.Maps("rules"))
            .Single(r => r.TryGetValue("alert", out var name) && (string)name == "HostHighCpuUsage" && r.Map("labels").Text("severity") == "warning");
        var expr = rule.Text("expr");
        expr.Should().EndWith("> 80").And.Contain("[1m]");
        rule["expr"] = expr.Replace("> 80", "> 50", StringComparison.Ordinal).Replace("[1m]", "[5s]", StringComparison.Ordinal);
        rule["for"] = "5s";
        var annotations = rule.Map("annotations");
        annotations["summary"] = annotations.Text("summary").Replace("80%", "50%", StringComparison.Ordinal);

        var path = Path.Join(_dir, "test-alerts.rules.yml");
        Yaml.Save(new Dictionary<object, object>
        {
            ["groups"] = new List<object> { new Dictionary<object, object> { ["name"] = "test", ["rules"] = new List<object> { rule } } },
        }, path);
        return path;
    }

    private void WritePrometheusConfig(string path, string alertmanager)
    {
        var config = Yaml.Load(RepoPaths.Combine("prometheus", "prometheus.yml"));
        var global = config.Map("global");
        global["scrape_interval"] = "1s";
        global["scrape_timeout"] = "1s";
        global["evaluation_interval"] = "1s";
        config["rule_files"] = new List<object> { WriteRules() };
        config.Map("alerting").Maps("alertmanagers").Single()["static_configs"] = new List<object>
        {
            new Dictionary<object, object> { ["targets"] = new List<object> { alertmanager } },
        };
        var node = config.Maps("scrape_configs").Single(j => j.Text("job_name") == "node");
        node["static_configs"] = new List<object> { new Dictionary<object, object> { ["targets"] = new List<object> { $"127.0.0.1:{_host.Port}" } } };
        config["scrape_configs"] = new List<object> { node };
        config.Remove("remote_write");
        Yaml.Save(config, path);
    }

    /// <summary>The shipped routing, grouping and inhibition; short timers; every receiver is the test's webhook.</summary>
    private void WriteAlertmanagerConfig(string path)
    {
        var config = Yaml.Load(RepoPaths.Combine("alertmanager", "alertmanager.yml"));
        config["global"] = new Dictionary<object, object> { ["resolve_timeout"] = "5m" };
        config["templates"] = new List<object> { RepoPaths.Combine("alertmanager", "templates", "*.tmpl") };
        var route = config.Map("route");
        route["group_wait"] = "1s";
        route["group_interval"] = "2s";
        foreach (var receiver in config.Maps("receivers"))
        {
            var name = receiver.Text("name");
            receiver.Clear();
            receiver["name"] = name;
            receiver["webhook_configs"] = new List<object>
            {
                new Dictionary<object, object> { ["url"] = _webhook.Url.ToString(), ["send_resolved"] = true },
            };
        }

        Yaml.Save(config, path);
    }
}
