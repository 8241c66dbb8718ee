using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Stack;

/// <summary>Starts a real server (Prometheus, Alertmanager, VictoriaMetrics) and waits until it answers.</summary>
internal static class Server
{
    public static async Task<ExternalProcess> StartAsync(string tool, Uri readyUrl, params string[] arguments)
    {
        var process = new ExternalProcess(Tools.Require(tool), arguments);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                var output = process.Output;
                process.Dispose();
                throw new InvalidOperationException($"{tool} exited: {output}");
            }

            try
            {
                using var response = await client.GetAsync(readyUrl);
                if (response.IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        var lastOutput = process.Output;
        process.Dispose();
        throw new TimeoutException($"{tool} did not become ready at {readyUrl}: {lastOutput}");
    }

    /// <summary>Polls until <paramref name="probe"/> gives a value, or fails with what was last seen.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (value is not null)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds} s waiting for {what}");
            }

            await Task.Delay(500);
        }
    }
}
