namespace Exporter.TestSupport;

/// <summary>
/// For servers that cannot be told to listen on port 0 (Redis: --port 0 turns TCP off;
/// PostgreSQL: 0 is not a valid port; HttpListener): start on a candidate port and, when the
/// server reports the port taken meanwhile by someone else, start again on another.
/// </summary>
public static class PortConflicts
{
    private const int Attempts = 10;

    /// <summary>
    /// Calls <paramref name="start"/> with candidate ports until it does not throw
    /// <see cref="PortInUseException"/>; the result is the started server.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<int, Task<T>> start)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start(FreePort.Next());
            }
            catch (PortInUseException) when (attempt < Attempts)
            {
            }
        }
    }

    /// <inheritdoc cref="RetryAsync{T}(Func{int, Task{T}})"/>
    public static T Retry<T>(Func<int, T> start)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return start(FreePort.Next());
            }
            catch (PortInUseException) when (attempt < Attempts)
            {
            }
        }
    }

    /// <summary>
    /// Starts a server given <paramref name="ports"/> to listen on and waits until it (or its child)
    /// listens on all of them; throws <see cref="PortInUseException"/>, with the server stopped,
    /// when one was taken first.
    /// </summary>
    public static async Task<ExternalProcess> StartListeningAsync(string fileName, IEnumerable<string> arguments, string what, params int[] ports)
    {
        var server = new ExternalProcess(fileName, arguments);
        try
        {
            foreach (var port in ports)
            {
                await ListeningPorts.WaitForAsync(server, port, what);
            }

            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Whether a server's output says its address was taken (Go, Redis, PostgreSQL, .NET all say so).</summary>
    public static bool SaysInUse(string output) => output.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The port a server was to listen on was taken before it could bind it.</summary>
public sealed class PortInUseException(string message) : Exception(message);
