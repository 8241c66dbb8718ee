using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Stack;

/// <summary>Starts a real server (Prometheus, Alertmanager, VictoriaMetrics) and waits until it answers; polls for a result.</summary>
internal static class Server
{
    /// <summary>Starts <paramref name="tool"/>, told to listen on 127.0.0.1:0, and waits until <paramref name="readyPath"/> answers.</summary>
    public static Task<LocalServer> StartAsync(string tool, string readyPath, params string[] arguments) =>
        LocalServer.StartAsync(Tools.Require(tool), arguments, readyPath, what: tool);

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
