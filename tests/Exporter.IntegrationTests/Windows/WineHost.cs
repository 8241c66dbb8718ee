using Exporter.IntegrationTests.Stack;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Windows;

/// <summary>
/// The Windows build of the host (Exporter.Host.exe, published for win-x64 by scripts/test.sh, which
/// names it in EXPORTER_WINDOWS_BINARY) running under Wine in a Wine prefix of its own for the whole
/// test run, scraped every 2 s by a real Prometheus with the shipped recording and alert rules (the
/// tier groups evaluated every second). Wine serves the Windows APIs from the Linux host's own
/// figures (/proc/stat, /proc/meminfo), which is what the tests compare with.
/// </summary>
public sealed class WineHost : IAsyncLifetime
{
    public const string BinaryVariable = "EXPORTER_WINDOWS_BINARY";

    private readonly string _dir = Directory.CreateTempSubdirectory("exporter-wine-").FullName;
    private Dictionary<string, string> _environment = [];
    private string _wine = string.Empty;
    private string? _wineserver;
    private ExternalProcess? _exporter;
    private LocalServer? _prometheus;

    public Uri BaseAddress { get; private set; } = null!;

    public PromQl Prometheus { get; private set; } = null!;

    /// <summary>The instance label Prometheus gives the exporter's series.</summary>
    public string Instance => $"{BaseAddress.Host}:{BaseAddress.Port}";

    public string Output => _exporter?.Output ?? string.Empty;

    /// <summary>The published Exporter.Host.exe, as a Linux path.</summary>
    public string Binary { get; private set; } = string.Empty;

    /// <summary>A Linux path as Windows programs under Wine see it (drive Z: is the root).</summary>
    public static string WindowsPath(string path) => "Z:" + Path.GetFullPath(path).Replace('/', '\\');

    /// <summary>Runs a Windows program (sc.exe, ...) in the prefix and waits for it: its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var process = new ExternalProcess(_wine, arguments, _dir, _environment);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!process.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return process.WaitForExit(TimeSpan.FromSeconds(5))
            ? (process.ExitCode, process.Output)
            : throw new TimeoutException($"wine {string.Join(' ', arguments)} did not finish: {process.Output}");
    }

    /// <summary>Waits until <paramref name="ready"/> answers, failing early if <paramref name="process"/> exits.</summary>
    public static Task WaitUntilReadyAsync(Uri ready, TimeSpan timeout) => WaitUntilReadyAsync(null, ready, timeout);

    public async Task InitializeAsync()
    {
        var binary = Environment.GetEnvironmentVariable(BinaryVariable);
        if (string.IsNullOrEmpty(binary) || !File.Exists(binary))
        {
            throw new InvalidOperationException(
                $"{BinaryVariable} must name the Windows build of the host (Exporter.Host.exe); scripts/test.sh publishes it "
                + "(dotnet publish src/Exporter.Host -c Release -r win-x64) and sets the variable.");
        }

        // Debian's wine64 package installs the loader outside PATH; the wine package adds /usr/bin/wine.
        _wine = Tools.Require("wine64", "/usr/lib/wine/wine64", "wine");
        _wineserver = Tools.Require("wineserver", "/usr/lib/wine/wineserver");
        _environment = new Dictionary<string, string>
        {
            ["WINEPREFIX"] = Path.Join(_dir, "prefix"),
            ["WINEDEBUG"] = "-all",

            // No Gecko (Internet Explorer's engine): nothing uses it, and creating the prefix would try
            // to install it. mscoree stays: Wine's loader goes through it for every managed DLL.
            ["WINEDLLOVERRIDES"] = "mshtml=",

            // .NET maps the code it compiles twice, writable and executable (W^X); under Wine 8 the
            // runtime then fails within a minute or so ("Internal CLR error" in the finalizer that
            // frees a dynamic method). Off under Wine only; on Windows the build keeps it.
            ["DOTNET_EnableWriteXorExecute"] = "0",
        };

        Binary = binary;

        // Under Wine the listening socket belongs to a process tree /proc does not tie to ours, so the
        // port is a candidate, taken again when the host says another process bound it first.
        (_exporter, BaseAddress) = await PortConflicts.RetryAsync(async port =>
        {
            var exporter = new ExternalProcess(_wine, [binary, $"--web.listen-address=127.0.0.1:{port}"], _dir, _environment);
            var address = new Uri($"http://127.0.0.1:{port}/");
            try
            {
                // The first start creates the prefix (wineboot), which takes a while on a busy machine.
                await WaitUntilReadyAsync(exporter, new Uri(address, "-/ready"), TimeSpan.FromSeconds(240));
                return (exporter, address);
            }
            catch (InvalidOperationException) when (PortConflicts.SaysInUse(exporter.Output))
            {
                exporter.Dispose();
                throw new PortInUseException($"127.0.0.1:{port} was taken: {exporter.Output}");
            }
            catch
            {
                exporter.Dispose();
                throw;
            }
        });
        await StartPrometheusAsync();
    }

    public Task DisposeAsync()
    {
        _prometheus?.Dispose();
        _exporter?.Dispose();
        if (_wineserver is not null)
        {
            // Stops the prefix's wineserver and the services it started (winedevice.exe, ...).
            using var kill = new ExternalProcess(_wineserver, ["-k"], _dir, _environment);
            kill.WaitForExit(TimeSpan.FromSeconds(30));
        }

        Prometheus?.Dispose();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task WaitUntilReadyAsync(ExternalProcess? process, Uri ready, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process is { HasExited: true })
            {
                process.WaitForExit(TimeSpan.FromSeconds(10));
                throw new InvalidOperationException($"the Windows build exited under Wine with {process.ExitCode}: {process.Output}");
            }

            try
            {
                using var response = await client.GetAsync(ready);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the Windows build did not become ready under Wine within {timeout.TotalSeconds} s: {process?.Output}");
            }

            await Task.Delay(250);
        }
    }

    private async Task StartPrometheusAsync()
    {
        var rules = RepoPaths.Combine("prometheus", "rules");

        // The tier groups run every second instead of every 1 m / 5 m / 1 h; the rules are unchanged.
        var tiers = Yaml.Load(Path.Join(rules, "tiers.rules.yml"));
        foreach (var group in tiers.Maps("groups"))
        {
            group["interval"] = "1s";
        }

        var tierRules = Path.Join(_dir, "tiers.rules.yml");
        Yaml.Save(tiers, tierRules);

        var config = Path.Join(_dir, "prometheus.yml");
        Yaml.Save(
            new Dictionary<object, object>
            {
                ["global"] = new Dictionary<object, object> { ["scrape_interval"] = "2s", ["scrape_timeout"] = "2s", ["evaluation_interval"] = "1s" },
                ["rule_files"] = new List<object> { tierRules, Path.Join(rules, "node-mixin.rules.yml"), Path.Join(rules, "alerts.rules.yml") },
                ["scrape_configs"] = new List<object>
                {
                    new Dictionary<object, object>
                    {
                        ["job_name"] = "node",
                        ["static_configs"] = new List<object> { new Dictionary<object, object> { ["targets"] = new List<object> { Instance } } },
                    },
                },
            },
            config);

        _prometheus = await Server.StartAsync("prometheus", "-/ready",
            $"--config.file={config}", $"--storage.tsdb.path={Path.Join(_dir, "prometheus")}", "--web.listen-address=127.0.0.1:0");
        Prometheus = new PromQl(_prometheus.BaseAddress);

        // Warm: the hour tier is recorded from the five-minute one, itself from the minute one.
        await Server.EventuallyAsync(
            async () => (await Prometheus.QueryAsync("instance:node_cpu_usage_percent:avg_1h")).Count > 0 ? "ok" : null,
            TimeSpan.FromSeconds(120), "the CPU rules' hour tier from the Windows build");
    }
}

[CollectionDefinition(Name)]
public sealed class WineHostCollection : ICollectionFixture<WineHost>
{
    public const string Name = "Windows build under Wine";
}
