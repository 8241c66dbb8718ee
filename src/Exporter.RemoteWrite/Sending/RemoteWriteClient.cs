using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Exporter.RemoteWrite.Configuration;

namespace Exporter.RemoteWrite.Sending;

/// <summary>
/// Sends one snappy-compressed WriteRequest to one receiver with remote write 1.0's headers and the
/// receiver's credentials, and classifies the answer: 2xx sent; network errors, timeouts, 5xx and
/// 429 retried; any other status rejected. Credential files are read for every request, so a rotated
/// password or token is used without a restart.
/// </summary>
internal sealed class RemoteWriteClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Protobuf = new("application/x-protobuf");
    private static readonly string UserAgent = $"exporter/{typeof(RemoteWriteClient).Assembly.GetName().Version?.ToString(3) ?? "0"}";

    private readonly ReceiverSettings _settings;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;

    public RemoteWriteClient(ReceiverSettings settings, TimeProvider time, HttpMessageHandler? handler = null)
    {
        _settings = settings;
        _time = time;
        _http = new HttpClient(handler ?? ReceiverHandler.Create(settings)) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<SendResult> SendAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _settings.Url) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = Protobuf;
        request.Content.Headers.ContentEncoding.Add("snappy");
        request.Headers.TryAddWithoutValidation("X-Prometheus-Remote-Write-Version", "0.1.0");
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        foreach (var (name, value) in _settings.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            request.Headers.Authorization = Credentials();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SendResult(SendOutcome.Retry, 0, null, "cannot read the credentials file");
        }

        using var timeout = new CancellationTokenSource(_settings.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new SendResult(SendOutcome.Sent, status, null, string.Empty);
            }

            var reason = $"{status} {Shorten(await response.Content.ReadAsStringAsync(linked.Token))}";
            return status is >= 500 or (int)HttpStatusCode.TooManyRequests
                ? new SendResult(SendOutcome.Retry, status, RetryAfter(response.Headers.RetryAfter), reason)
                : new SendResult(SendOutcome.Rejected, status, null, reason);
        }
        catch (HttpRequestException e)
        {
            // The innermost error says what happened ("Connection refused", a certificate problem).
            var inner = e.GetBaseException();
            return new SendResult(SendOutcome.Retry, 0, null, inner == e ? e.Message : $"{e.Message} {inner.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(SendOutcome.Retry, 0, null, $"no answer within {_settings.Timeout.TotalSeconds:0.###} s");
        }
    }

    public void Dispose() => _http.Dispose();

    private AuthenticationHeaderValue? Credentials()
    {
        if (_settings.BasicAuth is { } basic)
        {
            var password = File.ReadAllText(basic.PasswordFile!).TrimEnd('\r', '\n');
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{basic.Username}:{password}")));
        }

        return _settings.BearerTokenFile is { } tokenFile
            ? new AuthenticationHeaderValue("Bearer", File.ReadAllText(tokenFile).Trim())
            : null;
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - _time.GetUtcNow() : null);

    // The receiver's explanation (e.g. "out of order sample"), on one line and short enough for a log.
    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 200 ? line : line[..200] + "...";
    }
}
