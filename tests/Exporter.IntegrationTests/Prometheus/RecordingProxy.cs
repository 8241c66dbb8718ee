using System.Collections.Concurrent;
using System.Net;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Prometheus;

/// <summary>
/// A loopback HTTP proxy in front of our host's /metrics that records the Accept header each
/// scrape sent and the Content-Type it got, and can replace the Accept header: Prometheus 2.42
/// always asks for OpenMetrics first and has no setting for the text format, so a second job goes
/// through a proxy that asks for text instead.
/// </summary>
internal sealed class RecordingProxy : IDisposable
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None });

    private readonly HttpListener _listener;
    private readonly Uri _upstream;
    private readonly string? _accept;
    private readonly Task _loop;

    public RecordingProxy(Uri upstream, string? replaceAccept)
    {
        _upstream = upstream;
        _accept = replaceAccept;
        (_listener, Port) = LoopbackListener.Start("/");
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    /// <summary>(Accept sent by the scraper, Content-Type answered by our host) per scrape.</summary>
    public ConcurrentQueue<(string? Accept, string? ContentType)> Exchanges { get; } = new();

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
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

            _ = Task.Run(() => ForwardAsync(context));
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        try
        {
            var accept = context.Request.Headers["Accept"];
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_upstream, context.Request.Url!.PathAndQuery));
            request.Headers.TryAddWithoutValidation("Accept", _accept ?? accept);
            using var response = await Client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            var contentType = response.Content.Headers.ContentType?.ToString();
            Exchanges.Enqueue((accept, contentType));
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = contentType;
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
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
