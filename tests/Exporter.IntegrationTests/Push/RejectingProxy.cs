using System.Net;
using Exporter.TestSupport;
using Snappier;

namespace Exporter.IntegrationTests.Push;

/// <summary>
/// A loopback proxy in front of a receiver that answers one chosen request with 400 (as Prometheus
/// does for out-of-order samples) and forwards the others, counting the series of the one it refused.
/// </summary>
internal sealed class RejectingProxy : IDisposable
{
    private static readonly HttpClient Client = new();
    private readonly HttpListener _listener;
    private readonly Uri _upstream;
    private readonly int _reject;
    private readonly Task _loop;
    private int _requests;

    public RejectingProxy(string upstream, int reject)
    {
        _upstream = new Uri(upstream);
        _reject = reject;
        (_listener, Port) = LoopbackListener.Start("/");
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/api/v1/write";

    /// <summary>Series in the refused request; -1 until it came.</summary>
    public int RejectedSeries { get; private set; } = -1;

    public int Requests => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    /// <summary>Top-level field 1 (TimeSeries) entries of a WriteRequest, walking the protobuf by hand.</summary>
    internal static int CountSeries(byte[] request)
    {
        var count = 0;
        var i = 0;
        while (i < request.Length)
        {
            var tag = request[i++];
            ulong length = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = request[i++];
                length |= (ulong)(b & 0x7f) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            count += tag == 0x0a ? 1 : 0;
            i += (int)length;
        }

        return count;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            if (Interlocked.Increment(ref _requests) == _reject)
            {
                RejectedSeries = CountSeries(Snappy.DecompressToArray(body.ToArray()));
                context.Response.StatusCode = 400;
                await context.Response.OutputStream.WriteAsync("out of order sample (refused by the test)"u8.ToArray());
                return;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, _upstream) { Content = new ByteArrayContent(body.ToArray()) };
            foreach (var name in new[] { "Content-Encoding", "Content-Type" })
            {
                request.Content.Headers.TryAddWithoutValidation(name, context.Request.Headers[name]);
            }

            request.Headers.TryAddWithoutValidation("X-Prometheus-Remote-Write-Version", context.Request.Headers["X-Prometheus-Remote-Write-Version"]);
            using var response = await Client.SendAsync(request);
            context.Response.StatusCode = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            context.Response.StatusCode = 502;
        }
        finally
        {
            context.Response.Close();
        }
    }
}
