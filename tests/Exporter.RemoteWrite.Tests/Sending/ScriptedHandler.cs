using System.Net;
using System.Threading.Channels;

namespace Exporter.RemoteWrite.Tests.Sending;

/// <summary>A receiver in memory: answers each request with the next scripted response and records what it got.</summary>
internal sealed class ScriptedHandler(params Func<HttpResponseMessage>[] responses) : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _responses = new(responses);
    private readonly Channel<RecordedRequest> _requests = Channel.CreateUnbounded<RecordedRequest>();

    /// <summary>Set to hold every answer until it completes.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public int Count { get; private set; }

    public static Func<HttpResponseMessage> Status(HttpStatusCode status, string body = "", TimeSpan? retryAfter = null) => () =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body) };
        if (retryAfter is { } after)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(after);
        }

        return response;
    };

    public static Func<HttpResponseMessage> ConnectionRefused => () => throw new HttpRequestException("Connection refused (127.0.0.1:9)");

    public void Add(Func<HttpResponseMessage> response) => _responses.Enqueue(response);

    /// <summary>The next request the sender made (waits for it; a generous limit only so a broken test ends).</summary>
    public async Task<RecordedRequest> NextRequestAsync() => await _requests.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));

    public bool HasUnreadRequest => _requests.Reader.TryPeek(out _);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Concat(request.Content!.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Count++;
        _requests.Writer.TryWrite(new RecordedRequest(request.Method, request.RequestUri!, headers, body));
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        return _responses.Dequeue()();
    }
}

internal sealed record RecordedRequest(HttpMethod Method, Uri Url, IReadOnlyDictionary<string, string> Headers, byte[] Body);
