using System.Net;
using System.Text.Json;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Stack;

/// <summary>A generic webhook endpoint, as Alertmanager's webhook_configs post to: it keeps every notification.</summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener;
    private readonly List<(DateTime At, JsonElement Body)> _received = [];
    private readonly Task _loop;

    public WebhookReceiver()
    {
        (_listener, var port) = LoopbackListener.Start("/alerts/");
        Url = new Uri($"http://127.0.0.1:{port}/alerts/");
        _loop = Task.Run(ReceiveAsync);
    }

    public Uri Url { get; }

    public IReadOnlyList<(DateTime At, JsonElement Body)> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using (var document = await JsonDocument.ParseAsync(context.Request.InputStream))
            {
                lock (_received)
                {
                    _received.Add((DateTime.UtcNow, document.RootElement.Clone()));
                }
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
