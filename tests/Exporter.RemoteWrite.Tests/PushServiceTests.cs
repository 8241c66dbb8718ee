using System.Net;
using Exporter.Core;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Exporter.RemoteWrite.Configuration;
using Exporter.RemoteWrite.Sending;
using Exporter.RemoteWrite.Tests.Protocol;
using Exporter.RemoteWrite.Tests.Sending;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Snappier;

namespace Exporter.RemoteWrite.Tests;

public sealed class PushServiceTests : IDisposable
{
    private readonly WatchedTime _time = new(TimeSpan.FromSeconds(30));
    private readonly FakeCollector _collector = new();
    private PushReceivers? _receivers;

    [Fact]
    public async Task Collections_are_queued_with_the_collection_time_while_a_send_is_still_waiting_for_the_receiver()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.NoContent)) { Hold = new TaskCompletionSource() };
        var service = Service(handler);
        var queue = _receivers!.All[0].Queue;

        await service.CollectOnceAsync();
        var sending = service.Senders[0].SendNextAsync(CancellationToken.None);
        await handler.NextRequestAsync();
        for (var i = 1; i <= 3; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(15));
            _collector.Value = i;
            await service.CollectOnceAsync();
        }

        queue.State.Records.Should().Be(4, "collecting never waits for sending");
        handler.Hold!.SetResult();
        await sending.WaitAsync(TimeSpan.FromSeconds(60));
        queue.State.Records.Should().Be(3);
        var batch = queue.Read(int.MaxValue)!;
        var request = DecodedWriteRequest.Decode(Snappy.DecompressToArray(new BatchBody().Build(batch.Payloads, []).Span));
        var start = _time.Start.ToUnixTimeMilliseconds();
        request.Series.Where(s => s.Name == "fake_value").Select(s => s.Samples.Single()).Should().Equal(
            (1.0, start + 15_000), (2.0, start + 30_000), (3.0, start + 45_000));
        request.Series.Should().OnlyContain(s => s.Label("job") == "testhost" && s.Label("instance") == Environment.MachineName);
        _receivers.Collections.Should().Be(4);
    }

    [Fact]
    public async Task Timestamps_only_go_forward_even_when_two_collections_read_the_same_clock()
    {
        var service = Service(new ScriptedHandler());
        var queue = _receivers!.All[0].Queue;

        await service.CollectOnceAsync();
        await service.CollectOnceAsync();

        var start = _time.Start.ToUnixTimeMilliseconds();
        queue.State.OldestTimestampMs.Should().Be(start);
        queue.LastTimestampMs.Should().Be(start + 1);
    }

    public void Dispose() => _receivers?.Dispose();

    private PushService Service(ScriptedHandler handler)
    {
        var options = new RemoteWriteOptions { Receivers = { new ReceiverOptions { Url = "http://receiver.test/api/v1/write" } } };
        _receivers = new PushReceivers(options, _time, NullLogger.Instance, () => handler);
        var scraper = new Scraper(
            [new CollectorRegistration("fake", true, _ => _collector)],
            Options.Create(new PrometheusMetricsOptions()),
            new ServiceCollection().BuildServiceProvider(),
            NullLogger<Scraper>.Instance);
        return new PushService(scraper, _receivers, new TestEnvironment(), _time, NullLogger<PushService>.Instance);
    }

    private sealed class FakeCollector : ICollector
    {
        private static readonly MetricDescriptor ValueDescriptor = new("fake_value", "A value the test sets.", MetricType.Gauge);

        public double Value { get; set; }

        public string Name => "fake";

        public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
        {
            sink.Add(ValueDescriptor, Value);
            return Task.CompletedTask;
        }
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "testhost";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
