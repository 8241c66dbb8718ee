using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Exporter.Host.Web;

/// <summary>
/// Closes a new connection that sends nothing within <see cref="KestrelHardening.HeadersTimeout"/>.
/// Kestrel times a silent new connection by its keep-alive timeout (75 s here, so Prometheus can
/// reuse connections between scrapes), which would let a flood of idle connections hold their
/// slots that long. The first bytes are only looked at, not taken: Kestrel (or TLS) reads them next.
/// </summary>
internal static class FirstByteTimeout
{
    public static void UseFirstByteTimeout(this ListenOptions listen) => listen.Use(next => async connection =>
    {
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed))
        {
            timeout.CancelAfter(KestrelHardening.HeadersTimeout);
            try
            {
                var first = await connection.Transport.Input.ReadAsync(timeout.Token);
                connection.Transport.Input.AdvanceTo(first.Buffer.Start);
            }
            catch (OperationCanceledException)
            {
                connection.Abort(new ConnectionAbortedException("nothing sent within the headers timeout"));
                return;
            }
        }

        await next(connection);
    });
}
