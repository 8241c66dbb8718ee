namespace Exporter.TestSupport;

/// <summary>
/// A server the test starts on 127.0.0.1 port 0 (Prometheus, Alertmanager, node_exporter,
/// VictoriaMetrics, our host): the kernel picks a port nothing else holds, the test reads it back
/// from /proc (<see cref="ListeningPorts"/>), then waits until an HTTP path answers. No port is
/// picked in advance, so parallel tests cannot race for one. Killed by PID on Dispose.
/// </summary>
public sealed class LocalServer : IDisposable
{
    private LocalServer(ExternalProcess process, int port)
    {
        Process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public ExternalProcess Process { get; }

    public int Port { get; }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; }

    /// <summary>"127.0.0.1:PORT", as a scrape target.</summary>
    public string Target => $"127.0.0.1:{Port}";

    public string Output => Process.Output;

    /// <summary>
    /// Starts <paramref name="fileName"/> (its arguments must make it listen on 127.0.0.1:0) and
    /// waits until <paramref name="readyPath"/> answers with a success status. A server that exits,
    /// or is not ready within 60 s (generous, for a busy 2-core machine), is an error with its output.
    /// </summary>
    public static async Task<LocalServer> StartAsync(
        string fileName, IEnumerable<string> arguments, string readyPath, IDictionary<string, string>? environment = null, string? what = null,
        string? workingDirectory = null)
    {
        what ??= Path.GetFileName(fileName);
        var process = new ExternalProcess(fileName, arguments, workingDirectory, environment);
        try
        {
            var port = await ListeningPorts.WaitForOneAsync(process, what);
            var server = new LocalServer(process, port);
            await server.WaitUntilReadyAsync(readyPath, what);
            return server;
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    public void Dispose() => Process.Dispose();

    private async Task WaitUntilReadyAsync(string readyPath, string what)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var ready = new Uri(BaseAddress, readyPath.TrimStart('/'));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (Process.HasExited)
            {
                Process.WaitForExit(TimeSpan.FromSeconds(10));
                throw new InvalidOperationException($"{what} exited with {Process.ExitCode}: {Process.Output}");
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
                throw new TimeoutException($"{what} did not answer {ready} in time: {Process.Output}");
            }

            await Task.Delay(100);
        }
    }
}
