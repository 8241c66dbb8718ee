using System.Net;
using Exporter.Core.Exposition;
using Exporter.RemoteWrite.Configuration;
using Exporter.RemoteWrite.Protocol;
using Exporter.RemoteWrite.Queue;
using Exporter.RemoteWrite.Sending;
using Exporter.RemoteWrite.Tests.Protocol;
using Microsoft.Extensions.Logging;
using Snappier;

namespace Exporter.RemoteWrite.Tests.Sending;

public sealed class ReceiverSenderTests : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(17);

    private readonly string _dir = Directory.CreateTempSubdirectory("push-sender-").FullName;
    private readonly WatchedTime _time = new(RequestTimeout);
    private readonly ListLogger _log = new();
    private readonly MetadataSource _metadata = new();
    private readonly MemoryQueue _queue = new(1 << 20);

    [Fact]
    public async Task Network_errors_5xx_and_429_are_retried_with_doubling_backoff_or_Retry_After_until_the_batch_is_sent()
    {
        var handler = new ScriptedHandler(
            ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable),
            ScriptedHandler.Status(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(7)),
            ScriptedHandler.ConnectionRefused,
            ScriptedHandler.Status(HttpStatusCode.InternalServerError),
            ScriptedHandler.Status(HttpStatusCode.NoContent));
        var (sender, receiver) = Sender(handler);
        Append(10);

        var sending = sender.SendNextAsync(CancellationToken.None);

        await handler.NextRequestAsync();
        (await _time.NextTimerAsync()).Should().Be(TimeSpan.FromMilliseconds(30));
        _time.Advance(TimeSpan.FromMilliseconds(29));
        handler.HasUnreadRequest.Should().BeFalse("the backoff has not passed");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await handler.NextRequestAsync();
        (await _time.NextTimerAsync()).Should().Be(TimeSpan.FromSeconds(7), "Retry-After wins");
        _time.Advance(TimeSpan.FromSeconds(7));
        await handler.NextRequestAsync();
        (await _time.NextTimerAsync()).Should().Be(TimeSpan.FromMilliseconds(120));
        _time.Advance(TimeSpan.FromMilliseconds(120));
        await handler.NextRequestAsync();
        (await _time.NextTimerAsync()).Should().Be(TimeSpan.FromMilliseconds(240));
        _time.Advance(TimeSpan.FromMilliseconds(240));
        var last = await handler.NextRequestAsync();
        (await sending.WaitAsync(TimeSpan.FromSeconds(60))).Should().BeTrue();

        last.Body.Should().NotBeEmpty();
        _queue.State.Records.Should().Be(0);
        receiver.Stats.SamplesSent.Should().Be(10);
        receiver.Stats.SamplesFailed.Should().Be(40);
        receiver.Stats.SamplesRetried.Should().Be(40);
        receiver.Stats.Retries.Should().Be(4);
        receiver.Stats.LastSuccessMs.Should().Be(_time.GetUtcNow().ToUnixTimeMilliseconds());
        _log.Entries.Count(e => e.Level == LogLevel.Warning).Should().Be(1, "a failure is logged once, not per attempt");
        _log.Entries.Should().Contain(e => e.Message.Contains("recovered after 4 failed attempts", StringComparison.Ordinal));
    }

    [Fact]
    public void The_backoff_doubles_from_30ms_to_at_most_5s()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(30), TimeSpan.FromSeconds(5));

        Enumerable.Range(0, 10).Select(a => backoff.Delay(a, null).TotalMilliseconds)
            .Should().Equal(30, 60, 120, 240, 480, 960, 1920, 3840, 5000, 5000);
        backoff.Delay(3, TimeSpan.FromHours(3)).Should().Be(Backoff.MaxRetryAfter);
        backoff.Delay(3, TimeSpan.Zero).Should().Be(TimeSpan.FromMilliseconds(30));
    }

    [Fact]
    public async Task A_batch_the_receiver_rejects_is_dropped_and_counted_logged_once_and_the_next_batches_still_go()
    {
        var handler = new ScriptedHandler(
            ScriptedHandler.Status(HttpStatusCode.BadRequest, "out of order sample"),
            ScriptedHandler.Status(HttpStatusCode.BadRequest, "out of order sample"),
            ScriptedHandler.Status(HttpStatusCode.NoContent));
        var (sender, receiver) = Sender(handler);

        foreach (var samples in new[] { 3, 4, 5 })
        {
            Append(samples);
            (await sender.SendNextAsync(CancellationToken.None)).Should().BeTrue();
            _queue.State.Records.Should().Be(0);
        }

        handler.Count.Should().Be(3, "a rejected batch is not retried");
        receiver.Stats.SamplesRejected.Should().Be(7);
        receiver.Stats.SamplesSent.Should().Be(5);
        _log.Entries.Where(e => e.Level == LogLevel.Warning).Should().ContainSingle()
            .Which.Message.Should().Contain("rejected 3 samples").And.Contain("400 out of order sample");
    }

    [Fact]
    public async Task Requests_carry_the_remote_write_headers_credentials_and_metadata_when_it_is_due()
    {
        var password = Path.Join(_dir, "password");
        await File.WriteAllTextAsync(password, "s3cret-pw\n");
        var handler = new ScriptedHandler(
            ScriptedHandler.Status(HttpStatusCode.NoContent), ScriptedHandler.Status(HttpStatusCode.NoContent), ScriptedHandler.Status(HttpStatusCode.NoContent));
        var options = new RemoteWriteOptions
        {
            Headers = { ["X-Scope-OrgID"] = "team-a" },
            BasicAuth = new BasicAuthOptions { Username = "pusher", PasswordFile = password },
        };
        var (sender, _) = Sender(handler, options);
        _metadata.Update([Family(1)]);

        var requests = new List<RecordedRequest>();
        foreach (var advance in new[] { 0, 30, 31 })
        {
            _time.Advance(TimeSpan.FromSeconds(advance));
            Append(1);
            await sender.SendNextAsync(CancellationToken.None);
            requests.Add(await handler.NextRequestAsync());
        }

        var first = requests[0];
        first.Method.Should().Be(HttpMethod.Post);
        first.Url.Should().Be(new Uri("http://receiver.test:9090/api/v1/write"));
        first.Headers["Content-Encoding"].Should().Be("snappy");
        first.Headers["Content-Type"].Should().Be("application/x-protobuf");
        first.Headers["X-Prometheus-Remote-Write-Version"].Should().Be("0.1.0");
        first.Headers["User-Agent"].Should().StartWith("exporter/");
        first.Headers["X-Scope-OrgID"].Should().Be("team-a");
        first.Headers["Authorization"].Should().Be("Basic " + Convert.ToBase64String("pusher:s3cret-pw"u8.ToArray()));
        var decoded = requests.Select(r => DecodedWriteRequest.Decode(IronSnappy.Snappy.Decode(r.Body))).ToList();
        decoded.Should().OnlyContain(d => d.Series.Count == 1);
        decoded.Select(d => d.Metadata.Count).Should().Equal([1, 0, 1], "metadata goes with the first batch, then once a minute");
        _log.Entries.Should().NotContain(e => e.Message.Contains("s3cret", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (ReceiverSender Sender, Receiver Receiver) Sender(ScriptedHandler handler, RemoteWriteOptions? options = null)
    {
        options ??= new RemoteWriteOptions();
        options.Timeout = RequestTimeout;
        var settings = ReceiverSettings.Resolve(options, new ReceiverOptions { Url = "http://receiver.test:9090/api/v1/write" });
        var receiver = new Receiver(settings, _queue, new RemoteWriteClient(settings, _time, handler));
        return (new ReceiverSender(receiver, _metadata, new Backoff(options.MinBackoff, options.MaxBackoff), _time, _log), receiver);
    }

    private void Append(int samples)
    {
        var families = Enumerable.Range(0, samples).Select(Family).ToList();
        var raw = new CollectionEncoder([]).Encode(families, _time.GetUtcNow().ToUnixTimeMilliseconds(), out var count);
        _queue.Append(Snappy.CompressToArray(raw), _time.GetUtcNow().ToUnixTimeMilliseconds(), count);
    }

    private static MetricFamily Family(int n)
    {
        var family = new MetricFamily(new MetricDescriptor($"test_metric_{n}", "A test metric.", MetricType.Gauge));
        family.Samples.Add(new Sample([], n));
        return family;
    }
}
