using System.Text.Json;
using Exporter.TestSupport;
using Xunit.Abstractions;

namespace Exporter.IntegrationTests.Status;

/// <summary>
/// A collector that fails on hostile input: its error reaches the page and the document as text,
/// never as markup, and with the secret it quoted masked.
/// </summary>
public sealed class StatusCollectorErrorTests(ITestOutputHelper output) : IDisposable
{
    private const string Line = "MemTotal: 1 <img src=x onerror=\"window.owned=1\"> password=hunter2";
    private readonly string _procfs = Directory.CreateTempSubdirectory("exporter-status-proc-").FullName;

    public void Dispose() => Directory.Delete(_procfs, recursive: true);

    [Fact]
    public async Task A_failing_collector_shows_its_error_escaped_and_without_the_secret()
    {
        await File.WriteAllTextAsync(Path.Join(_procfs, "meminfo"), Line + "\n");
        await File.WriteAllTextAsync(Path.Join(_procfs, "loadavg"), "0.50 0.40 0.30 1/100 4242\n");
        using var host = await HostProcess.StartAsync("--collector.disable-defaults", "--collector.meminfo", "--collector.loadavg", $"--path.procfs={_procfs}");
        using var client = new HttpClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(host.BaseAddress, "/api/v1/status")));
        var meminfo = json.RootElement.GetProperty("collectors").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "meminfo");
        meminfo.GetProperty("ok").GetBoolean().Should().BeFalse();
        meminfo.GetProperty("error").GetString().Should().Be("meminfo: malformed line 'MemTotal: 1 <img src=x onerror=\"window.owned=1\"> password=***'");

        var html = await client.GetStringAsync(new Uri(host.BaseAddress, "/"));
        html.Should().Contain("<li><strong>meminfo</strong>: meminfo: malformed line &#39;MemTotal: 1 &lt;img src=x onerror=&quot;window.owned=1&quot;&gt; password=***&#39;</li>");
        html.Should().NotContain("hunter2");

        using var browser = new Browser();
        browser.Open(host.BaseAddress);
        browser.Script<long>("return document.querySelectorAll('main img, main script').length;").Should().Be(0);
        browser.Script<string>("return document.querySelector('.errors li').textContent;").Should().Contain("<img src=x");
        browser.Script<object?>("return window.owned ?? null;").Should().BeNull("the error's markup never ran");
        output.WriteLine($"screenshot: {browser.Screenshot("collector-failing")}");
    }
}
