using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Exporter.IntegrationTests.Stack;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Push;

/// <summary>
/// A real VictoriaMetrics 1.79 receiving remote write on a loopback port, with its data in a temp
/// directory. It can be stopped (SIGTERM, so it flushes what it received) and started again on the
/// same port and data, to play an outage.
/// </summary>
internal sealed partial class VictoriaMetricsReceiver : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("push-vm-").FullName;
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };
    private LocalServer? _process;

    private VictoriaMetricsReceiver(int port) => Port = port;

    /// <summary>Its port: given, or the one the kernel picked at the first start (0 until then).</summary>
    public int Port { get; private set; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string WriteUrl => new Uri(BaseAddress, "api/v1/write").ToString();

    /// <summary>
    /// Starts one on <paramref name="port"/> (e.g. where an exporter has been pushing into the void),
    /// or on port 0, the kernel picking one nothing holds.
    /// </summary>
    public static async Task<VictoriaMetricsReceiver> StartAsync(int? port = null)
    {
        var receiver = new VictoriaMetricsReceiver(port ?? 0);
        await receiver.StartAgainAsync();
        return receiver;
    }

    /// <summary>Starts it (again: on the port it had, with the data it kept).</summary>
    public async Task StartAgainAsync()
    {
        _process = await Server.StartAsync("victoria-metrics", "health",
            $"-httpListenAddr=127.0.0.1:{Port}", $"-storageDataPath={Path.Join(_dir, "data")}", "-retentionPeriod=1d", "-search.latencyOffset=1s");
        Port = _process.Port;
    }

    /// <summary>Stops it the way a service manager would, and waits until it has flushed and exited.</summary>
    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        _ = Kill(_process.Process.Id, 15);
        if (!_process.Process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException("victoria-metrics did not stop on SIGTERM: " + _process.Output);
        }

        _process.Dispose();
        _process = null;
    }

    /// <summary>Every raw sample of the series matching <paramref name="selector"/>: labels → (timestamp ms, value) in time order.</summary>
    public async Task<Dictionary<string, List<(long Timestamp, double Value)>>> ExportAsync(string selector)
    {
        var text = await _client.GetStringAsync(new Uri(BaseAddress, "api/v1/export?match[]=" + Uri.EscapeDataString(selector)));
        var series = new Dictionary<string, List<(long, double)>>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            var labels = string.Join(",", json.RootElement.GetProperty("metric").EnumerateObject()
                .OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}=\"{p.Value.GetString()}\""));
            var timestamps = json.RootElement.GetProperty("timestamps").EnumerateArray().Select(t => t.GetInt64());
            var values = json.RootElement.GetProperty("values").EnumerateArray().Select(Number);
            var samples = series.TryGetValue(labels, out var existing) ? existing : series[labels] = [];
            samples.AddRange(timestamps.Zip(values));
            samples.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        }

        return series;
    }

    public PromQl Query() => new(BaseAddress);

    public void Dispose()
    {
        _process?.Dispose();
        _client.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static double Number(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? value.GetDouble()
        : double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
