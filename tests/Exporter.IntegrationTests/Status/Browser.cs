using System.Diagnostics;
using System.Text.Json;
using Exporter.TestSupport;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Exporter.IntegrationTests.Status;

/// <summary>
/// Debian's headless Chromium driven through its chromedriver (Selenium), with a fresh profile,
/// no background traffic of its own, and every console message and network event recorded.
/// </summary>
public sealed class Browser : IDisposable
{
    private readonly string _profile = Directory.CreateTempSubdirectory("exporter-chromium-").FullName;
    private readonly List<string> _console = [];
    private readonly List<JsonElement> _network = [];

    public Browser(bool javascript = true)
    {
        var chromium = Tools.Require("chromium", "/usr/bin/chromium");
        var chromedriver = Tools.Require("chromedriver", "/usr/bin/chromedriver");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;

        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + _profile);
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        options.SetLoggingPreference("performance", LogLevel.All);
        if (!javascript)
        {
            options.AddUserProfilePreference("profile.managed_default_content_settings.javascript", 2);
        }

        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
    }

    public ChromeDriver Driver { get; }

    public void Open(Uri uri) => Driver.Navigate().GoToUrl(uri);

    public object? Script(string script, params object[] args) => Driver.ExecuteScript(script, args);

    public T Script<T>(string script, params object[] args) => (T)Driver.ExecuteScript(script, args)!;

    /// <summary>Console messages at error level since the browser started ("Failed to load resource", exceptions, CSP violations).</summary>
    public IReadOnlyList<string> ConsoleErrors()
    {
        foreach (var entry in Driver.Manage().Logs.GetLog(LogType.Browser))
        {
            if (entry.Level >= LogLevel.Severe)
            {
                _console.Add(entry.Message);
            }
        }

        return _console;
    }

    /// <summary>DevTools Network.* events since the browser started.</summary>
    public IReadOnlyList<JsonElement> NetworkEvents()
    {
        foreach (var entry in Driver.Manage().Logs.GetLog("performance"))
        {
            var message = JsonDocument.Parse(entry.Message).RootElement.GetProperty("message");
            if (message.GetProperty("method").GetString()!.StartsWith("Network.", StringComparison.Ordinal))
            {
                _network.Add(message.Clone());
            }
        }

        return _network;
    }

    /// <summary>Emulates a screen of this width (CSS pixels), as a phone when <paramref name="mobile"/>.</summary>
    public void Viewport(int width, int height, bool mobile) =>
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = mobile,
        });

    /// <summary>Emulates the system's colour scheme preference: "light" or "dark".</summary>
    public void ColorScheme(string scheme) =>
        Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?>
        {
            ["features"] = new[] { new Dictionary<string, object?> { ["name"] = "prefers-color-scheme", ["value"] = scheme } },
        });

    /// <summary>A PNG of the whole page (not just the viewport), kept as a test artifact; returns its path.</summary>
    public string Screenshot(string name)
    {
        var metrics = (Dictionary<string, object>)Driver.ExecuteCdpCommand("Page.getLayoutMetrics", new Dictionary<string, object?>())!;
        var size = (Dictionary<string, object>)metrics["cssContentSize"];
        var shot = (Dictionary<string, object>)Driver.ExecuteCdpCommand("Page.captureScreenshot", new Dictionary<string, object?>
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new Dictionary<string, object?>
            {
                ["x"] = 0, ["y"] = 0, ["width"] = Convert.ToDouble(size["width"], System.Globalization.CultureInfo.InvariantCulture),
                ["height"] = Convert.ToDouble(size["height"], System.Globalization.CultureInfo.InvariantCulture), ["scale"] = 1,
            },
        })!;
        var path = Path.Join(Artifacts, name + ".png");
        File.WriteAllBytes(path, Convert.FromBase64String((string)shot["data"]));
        return path;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after <paramref name="timeout"/> saying what was awaited.</summary>
    public static void WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"waited {timeout.TotalSeconds:0}s for {what}");
            }

            Thread.Sleep(100);
        }
    }

    /// <summary>Where screenshots go: under the test output directory.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Join(AppContext.BaseDirectory, "artifacts", "status-page")).FullName;

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
