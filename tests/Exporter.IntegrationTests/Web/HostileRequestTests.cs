using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Web;

/// <summary>
/// Hostile requests against the host with its default, hardened surface (no web configuration
/// file). Each gets a clear status, the process stays up, and honest scrapes keep working. Raw
/// sockets where an HTTP client would refuse to send such a request.
/// </summary>
public sealed class HostileRequestTests(HostileRequestTests.Host fixture) : IClassFixture<HostileRequestTests.Host>
{
    private readonly HostProcess _host = fixture.Process;

    [Fact]
    public async Task Headers_of_100_KB_get_431()
    {
        var request = $"GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: {new string('a', 100 * 1024)}\r\n\r\n";

        var response = await RawHttp.SendAsync(_host.Port, Encoding.ASCII.GetBytes(request));

        RawHttp.Status(response).Should().Be(431);
        await HonestScrapeSucceedsAsync();
    }

    [Fact]
    public async Task Ten_thousand_collect_parameters_get_414()
    {
        var query = string.Join('&', Enumerable.Range(0, 10_000).Select(i => $"collect[]=c{i}"));

        var response = await RawHttp.SendAsync(_host.Port, Encoding.ASCII.GetBytes($"GET /metrics?{query} HTTP/1.1\r\nHost: x\r\n\r\n"));

        RawHttp.Status(response).Should().Be(414);
        await HonestScrapeSucceedsAsync();
    }

    [Fact]
    public async Task Many_collect_parameters_within_the_request_line_limit_get_a_quick_400()
    {
        var query = string.Join('&', Enumerable.Range(0, 400).Select(i => $"collect[]={i}"));

        var response = await RawHttp.SendAsync(_host.Port, Encoding.ASCII.GetBytes($"GET /metrics?{query} HTTP/1.1\r\nHost: x\r\n\r\n"));

        RawHttp.Status(response).Should().Be(400);
        await HonestScrapeSucceedsAsync();
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0xC3 })] // invalid UTF-8, raw
    [InlineData(new byte[] { 0x00 })] // NUL, raw
    [InlineData(new byte[] { (byte)'%', (byte)'F', (byte)'F', (byte)'%', (byte)'F', (byte)'E' })] // invalid UTF-8, percent-encoded
    [InlineData(new byte[] { (byte)'%', (byte)'0', (byte)'0' })] // NUL, percent-encoded
    [InlineData(new byte[] { (byte)'%', (byte)'C', (byte)'0', (byte)'%', (byte)'A', (byte)'F' })] // overlong '/'
    public async Task Invalid_UTF_8_and_NUL_in_the_query_get_400(byte[] value)
    {
        byte[] request = [.. "GET /metrics?collect[]="u8, .. value, .. " HTTP/1.1\r\nHost: x\r\n\r\n"u8];

        var response = await RawHttp.SendAsync(_host.Port, request);

        RawHttp.Status(response).Should().Be(400);
        await HonestScrapeSucceedsAsync();
    }

    [Theory]
    [InlineData("GET /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")]
    [InlineData("GET /metrics HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")]
    [InlineData("GET /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\nendless")]
    public async Task A_body_on_GET_gets_413_and_the_connection_is_closed(string request)
    {
        var response = await RawHttp.SendAsync(_host.Port, Encoding.ASCII.GetBytes(request));

        RawHttp.Status(response).Should().Be(413);
        response.Should().Contain("Connection: close");
        await HonestScrapeSucceedsAsync();
    }

    [Theory]
    [InlineData("/../../../../etc/passwd")]
    [InlineData("/%2e%2e/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/..%2f..%2f..%2fetc%2fpasswd")]
    [InlineData("/%252e%252e/%252e%252e/etc/passwd")]
    [InlineData("/..\\..\\..\\etc\\passwd")]
    [InlineData("/metrics/../../../../proc/self/environ")]
    [InlineData("/./.././-/healthy/../../etc/shadow")]
    public async Task Path_traversal_on_the_landing_page_finds_nothing(string path)
    {
        var response = await RawHttp.SendAsync(_host.Port, Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n"));

        RawHttp.Status(response).Should().BeOneOf(400, 404);
        response.Should().NotContain("root:").And.NotContain("PATH=").And.NotContain("DOTNET_");
        await HonestScrapeSucceedsAsync();
    }

    [Theory]
    [InlineData("POST /metrics", 405)]
    [InlineData("PUT /metrics", 405)]
    [InlineData("DELETE /", 405)]
    [InlineData("TRACE /", 405)]
    [InlineData("OPTIONS *", 405)]
    [InlineData("PROPFIND /-/healthy", 405)]
    [InlineData("CONNECT 127.0.0.1:1", 400)] // Kestrel refuses a proxy request itself
    public async Task Methods_other_than_GET_and_HEAD_get_405(string requestLine, int status)
    {
        var response = await RawHttp.SendAsync(_host.Port, Encoding.ASCII.GetBytes($"{requestLine} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"));

        RawHttp.Status(response).Should().Be(status, response);
        await HonestScrapeSucceedsAsync();
    }

    [Theory]
    [InlineData("POST /api/v1/status")]
    [InlineData("DELETE /metrics")]
    public async Task Another_method_with_a_body_gets_405_and_the_connection_is_closed(string requestLine)
    {
        // The server does not read the body and closes the connection after answering: the answer
        // says so, or a client would send its next request down a connection about to close.
        var response = await RawHttp.SendAsync(_host.Port, Encoding.ASCII.GetBytes($"{requestLine} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{{}}"));

        RawHttp.Status(response).Should().Be(405, response);
        response.Should().Contain("Connection: close");
        await HonestScrapeSucceedsAsync();
    }

    [Fact]
    public async Task HEAD_answers_with_headers_only()
    {
        var response = await RawHttp.SendAsync(_host.Port, "HEAD /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"u8.ToArray());

        RawHttp.Status(response).Should().Be(200);
        response.Should().Contain("Content-Type: text/plain; version=0.0.4").And.EndWith("\r\n\r\n");
    }

    /// <summary>
    /// For a minute: slowloris clients dribble headers one byte a second, 1,000 connections sit
    /// idle, and hostile requests are repeated, while an honest scraper scrapes every half second.
    /// Every slowloris connection is cut within the headers timeout (10 s) with a 408, the idle ones
    /// are closed, every honest scrape succeeds, and afterwards memory returns to near where it was.
    /// Bounds are generous (30 s for a 10 s timeout, memory within 25 MB): other tests use the same
    /// two cores, and the first hostile requests compile code that stays.
    /// </summary>
    [Fact]
    public async Task Slowloris_idle_connections_and_hostile_requests_for_a_minute_leave_honest_scrapes_and_memory_unharmed()
    {
        await WarmUpAsync();
        var baseline = await QuietResidentBytesAsync(long.MaxValue);
        var minute = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var idle = OpenIdleConnectionsAsync(1000);
        var slowloris = Enumerable.Range(0, 10).Select(_ => SlowlorisAsync(stop.Token)).ToList();
        var hostile = RepeatHostileRequestsAsync(stop.Token);
        var honest = HonestScrapesAsync(stop.Token);

        var idleClosed = await idle;
        var cuts = (await Task.WhenAll(slowloris)).SelectMany(c => c).ToList();
        var hostileStatuses = await hostile;
        var honestStatuses = await honest;

        minute.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(59));
        idleClosed.Should().OnlyContain(t => t < TimeSpan.FromSeconds(30), "the server closes connections that send nothing");
        cuts.Should().HaveCountGreaterThanOrEqualTo(10 * 2, "each slowloris client was cut several times in a minute");
        cuts.Should().OnlyContain(c => c.After < TimeSpan.FromSeconds(30) && (c.Status == 408 || c.Status == 0), "cut by the headers timeout");
        cuts.Count(c => c.Status == 408).Should().BeGreaterThan(cuts.Count / 2, "Kestrel answers 408 Request Timeout");
        hostileStatuses.Should().OnlyContain(s => s == 431 || s == 414 || s == 413 || s == 405 || s == 404 || s == 400);
        honestStatuses.Should().HaveCountGreaterThan(60).And.OnlyContain(s => s == HttpStatusCode.OK);
        _host.Output.Should().NotContain("Unhandled exception").And.NotContain("OutOfMemory");

        var after = await QuietResidentBytesAsync(baseline + (25 * 1024 * 1024));
        after.Should().BeLessThanOrEqualTo(baseline + (25 * 1024 * 1024), "memory returns near the baseline of {0} MB", baseline / (1024 * 1024));
        await HonestScrapeSucceedsAsync();
    }

    private async Task HonestScrapeSucceedsAsync()
    {
        Process.GetProcessById(_host.Pid).HasExited.Should().BeFalse();
        var body = await _host.GetMetricsAsync();
        body.Should().Contain("node_scrape_collector_success");
    }

    private async Task WarmUpAsync()
    {
        for (var i = 0; i < 10; i++)
        {
            await _host.GetMetricsAsync();
        }
    }

    /// <summary>Waits until the host's RSS is at most <paramref name="target"/> or has settled (up to 60 s), and returns it.</summary>
    private async Task<long> QuietResidentBytesAsync(long target)
    {
        var last = Resident();
        for (var i = 0; i < 30; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2)); // the idle trimmer runs after 2 s of quiet
            var now = Resident();
            if (now <= target || Math.Abs(now - last) < 256 * 1024)
            {
                return now;
            }

            last = now;
        }

        return last;

        long Resident()
        {
            var line = File.ReadLines($"/proc/{_host.Pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
    }

    /// <summary>Opens connections that never send a byte; returns how long each stayed open.</summary>
    private async Task<List<TimeSpan>> OpenIdleConnectionsAsync(int count)
    {
        var clients = new List<TcpClient>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, _host.Port);
                clients.Add(client);
            }

            var opened = Stopwatch.StartNew();
            var closes = clients.Select(async client =>
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(45));
                try
                {
                    _ = await client.GetStream().ReadAsync(new byte[1], limit.Token);
                }
                catch (IOException)
                {
                }
                catch (OperationCanceledException)
                {
                }

                return opened.Elapsed;
            });
            return [.. await Task.WhenAll(closes)];
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    /// <summary>One slowloris client: headers dribbled a byte a second, reconnecting when cut, until stopped.</summary>
    private async Task<List<(TimeSpan After, int Status)>> SlowlorisAsync(CancellationToken stop)
    {
        var cuts = new List<(TimeSpan, int)>();
        while (!stop.IsCancellationRequested)
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, _host.Port);
            var stream = client.GetStream();
            var started = Stopwatch.StartNew();
            await stream.WriteAsync("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: "u8.ToArray(), CancellationToken.None);
            var buffer = new byte[64];
            var read = stream.ReadAsync(buffer, CancellationToken.None).AsTask();
            while (!read.IsCompleted && !stop.IsCancellationRequested)
            {
                try
                {
                    await stream.WriteAsync("a"u8.ToArray(), CancellationToken.None);
                }
                catch (IOException)
                {
                    break;
                }

                await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(1), stop));
            }

            if (!read.IsCompleted)
            {
                break; // the minute is over while this connection was still open
            }

            var status = 0;
            try
            {
                var n = await read;
                status = RawHttp.Status(Encoding.ASCII.GetString(buffer, 0, n));
            }
            catch (IOException)
            {
            }

            cuts.Add((started.Elapsed, status));
        }

        return cuts;
    }

    private async Task<List<int>> RepeatHostileRequestsAsync(CancellationToken stop)
    {
        string[] requests =
        [
            $"GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: {new string('a', 100 * 1024)}\r\n\r\n",
            $"GET /metrics?{string.Join('&', Enumerable.Range(0, 10_000).Select(i => $"collect[]=c{i}"))} HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\nendless",
            "POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
            "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /metrics?collect[]=%00 HTTP/1.1\r\nHost: x\r\n\r\n",
        ];
        var statuses = new List<int>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            statuses.Add(RawHttp.Status(await RawHttp.SendAsync(_host.Port, Encoding.ASCII.GetBytes(requests[i % requests.Length]))));
            await Task.Delay(100, CancellationToken.None);
        }

        return statuses;
    }

    private async Task<List<HttpStatusCode>> HonestScrapesAsync(CancellationToken stop)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var statuses = new List<HttpStatusCode>();
        while (!stop.IsCancellationRequested)
        {
            using var response = await client.GetAsync(new Uri(_host.BaseAddress, "/metrics"), CancellationToken.None);
            await response.Content.ReadAsStringAsync(CancellationToken.None);
            statuses.Add(response.StatusCode);
            await Task.Delay(500, CancellationToken.None);
        }

        return statuses;
    }

    /// <summary>One host for the class: its tests run one after another, so the memory test sees only its own load.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public HostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync() => Process = await HostProcess.StartAsync();

        public Task DisposeAsync()
        {
            Process?.Dispose();
            return Task.CompletedTask;
        }
    }
}
