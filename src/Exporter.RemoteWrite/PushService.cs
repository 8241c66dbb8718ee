using Exporter.Core.Collection;
using Exporter.RemoteWrite.Protocol;
using Exporter.RemoteWrite.Sending;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Snappier;

namespace Exporter.RemoteWrite;

/// <summary>
/// Push mode: every interval, collects through the scraper (the same single flight as a scrape of
/// /metrics), encodes the collection once, and appends it to every receiver's queue; each receiver's
/// sender drains its queue on its own. At shutdown, whatever the receivers take within a few seconds
/// is sent; the rest stays in the on-disk queue for the next start (a memory queue loses it).
/// </summary>
internal sealed class PushService : BackgroundService
{
    private static readonly TimeSpan FlushDeadline = TimeSpan.FromSeconds(5);

    private readonly Scraper _scraper;
    private readonly PushReceivers _receivers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CollectionEncoder _encoder;
    private readonly MetadataSource _metadata = new();
    private readonly List<ReceiverSender> _senders;
    private byte[] _compressed = new byte[64 * 1024];
    private long _lastTimestampMs;

    public PushService(Scraper scraper, PushReceivers receivers, IHostEnvironment environment, TimeProvider time, ILogger<PushService> logger)
    {
        _scraper = scraper;
        _receivers = receivers;
        _time = time;
        _logger = logger;
        var options = receivers.Options;

        // Nothing scrapes a pushing exporter, so it names itself, as Prometheus' target labels would.
        var labels = new Dictionary<string, string>(options.Labels, StringComparer.Ordinal);
        labels.TryAdd("job", environment.ApplicationName);
        labels.TryAdd("instance", Environment.MachineName);
        _encoder = new CollectionEncoder(labels);
        var backoff = new Backoff(options.MinBackoff, options.MaxBackoff);
        _senders = [.. receivers.All.Select(r => new ReceiverSender(r, _metadata, backoff, time, logger))];

        // Timestamps only go forward, across restarts too: a clock stepped back must not make the
        // receiver reject samples as out of order.
        _lastTimestampMs = receivers.All.Select(r => r.Queue.LastTimestampMs).DefaultIfEmpty(0).Max();
    }

    /// <summary>One sender per receiver, in the order of the receivers.</summary>
    internal IReadOnlyList<ReceiverSender> Senders => _senders;

    /// <summary>Collects once and appends the collection to every queue.</summary>
    internal async Task CollectOnceAsync()
    {
        var timestamp = Math.Max(_time.GetUtcNow().ToUnixTimeMilliseconds(), _lastTimestampMs + 1);
        ScrapeResult result;
        try
        {
            result = await _scraper.ScrapeAsync(CollectorFilter.None);
        }
        catch (Exception e)
        {
            RemoteWriteLog.CollectionFailed(_logger, e);
            return;
        }

        var body = _encoder.Encode(result.Families, timestamp, out var samples);
        var max = Snappy.GetMaxCompressedLength(body.Length);
        if (_compressed.Length < max)
        {
            _compressed = new byte[Math.Max(max, _compressed.Length * 2)];
        }

        var payload = _compressed.AsSpan(0, Snappy.Compress(body, _compressed));
        foreach (var receiver in _receivers.All)
        {
            try
            {
                receiver.Queue.Append(payload, timestamp, samples);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                RemoteWriteLog.QueueError(_logger, receiver.Settings.SafeUrl, e.Message);
            }
        }

        _metadata.Update(result.Families);
        _lastTimestampMs = timestamp;
        _receivers.CountCollection();
        RemoteWriteLog.Collected(_logger, timestamp, samples, payload.Length);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_senders.Count == 0)
        {
            return;
        }

        await Task.Yield();
        RemoteWriteLog.Pushing(_logger, string.Join(", ", _receivers.All.Select(r => r.Settings.SafeUrl)), _receivers.Options.Interval);
        var sending = _senders.Select(s => Task.Run(() => s.RunAsync(stoppingToken), CancellationToken.None)).ToList();
        using (var timer = new PeriodicTimer(_receivers.Options.Interval, _time))
        {
            try
            {
                do
                {
                    await CollectOnceAsync();
                }
                while (await timer.WaitForNextTickAsync(stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
        }

        await Task.WhenAll(sending);
        await FlushAsync();
    }

    /// <summary>Sends what the receivers accept within <see cref="FlushDeadline"/>, without retrying.</summary>
    private async Task FlushAsync()
    {
        using var deadline = new CancellationTokenSource(FlushDeadline, _time);
        try
        {
            await Task.WhenAll(_senders.Select(async sender =>
            {
                while (sender.HasUnsent && await sender.SendNextAsync(deadline.Token, retry: false))
                {
                }
            }));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
