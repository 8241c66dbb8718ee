namespace Exporter.TestSupport;

/// <summary>
/// Our host, started from its built dll (or the published binary) with the given flags, listening
/// on 127.0.0.1 port 0: the kernel picks the port, the test reads it back (<see cref="LocalServer"/>).
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly LocalServer _server;

    private HostProcess(LocalServer server)
    {
        _server = server;
        BaseAddress = new Uri($"http://127.0.0.1:{server.Port}");
    }

    public int Port => _server.Port;

    public Uri BaseAddress { get; }

    public string Output => _server.Output;

    public int Pid => _server.Process.Id;

    /// <summary>Starts the host and waits until /-/ready answers.</summary>
    public static Task<HostProcess> StartAsync(params string[] flags) => StartAsync(new Dictionary<string, string>(), flags);

    /// <summary>
    /// Starts the host with extra environment variables (e.g. secrets, Exporter__... settings). A
    /// host that exits instead is an <see cref="InvalidOperationException"/> "host exited with CODE: OUTPUT".
    /// </summary>
    public static async Task<HostProcess> StartAsync(IDictionary<string, string> environment, params string[] flags) =>
        new(await LocalServer.StartAsync(
            RepoPaths.HostFileName, RepoPaths.HostArguments(["--web.listen-address=127.0.0.1:0", .. flags]), "/-/ready", environment, "host"));

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
    public Task<string> WaitForOutputAsync(string text) => _server.Process.WaitForOutputAsync(text);

    public void Dispose() => _server.Dispose();
}
