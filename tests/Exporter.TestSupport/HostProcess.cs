namespace Exporter.TestSupport;

/// <summary>Our host, started from its built dll on a free loopback port with the given flags.</summary>
public sealed class HostProcess : IDisposable
{
    private readonly ExternalProcess _process;

    private HostProcess(ExternalProcess process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public string Output => _process.Output;

    public int Pid => _process.Id;

    /// <summary>Starts the host and waits until /-/ready answers.</summary>
    public static Task<HostProcess> StartAsync(params string[] flags) => StartAsync(new Dictionary<string, string>(), flags);

    /// <summary>Starts the host with extra environment variables (e.g. secrets, Exporter__... settings).</summary>
    public static async Task<HostProcess> StartAsync(IDictionary<string, string> environment, params string[] flags)
    {
        var port = FreePort.Next();
        var process = new ExternalProcess(RepoPaths.HostFileName, RepoPaths.HostArguments([$"--web.listen-address=127.0.0.1:{port}", .. flags]), environment: environment);
        var host = new HostProcess(process, port);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                // HasExited can turn true before the redirected streams are read to their end; the
                // last line (the error message) would be missing from the exception otherwise.
                process.WaitForExit(TimeSpan.FromSeconds(10));
                var output = process.Output;
                var exitCode = process.ExitCode; // read before Dispose, which detaches the process
                host.Dispose();
                throw new InvalidOperationException($"host exited with {exitCode}: {output}");
            }

            try
            {
                var response = await client.GetAsync(new Uri(host.BaseAddress, "/-/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        host.Dispose();
        throw new TimeoutException("host did not become ready: " + process.Output);
    }

    public async Task<string> GetMetricsAsync(string query = "", string? accept = null)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, "/metrics" + query));
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <inheritdoc cref="ExternalProcess.WaitForOutputAsync"/>
    public Task<string> WaitForOutputAsync(string text) => _process.WaitForOutputAsync(text);

    public void Dispose() => _process.Dispose();
}
