using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.RemoteWrite;

/// <summary>
/// Push mode's own metrics, per receiver (label <c>url</c>: the receiver's URL without credentials or
/// query), named after Prometheus' remote-storage metrics. Served on /metrics and pushed with the rest.
/// </summary>
internal sealed class PushCollector(PushReceivers receivers, TimeProvider time) : ICollector
{
    private static readonly MetricDescriptor Collections = new(
        "exporter_push_collections_total", "Collections appended to the push queues since the exporter started.", MetricType.Counter);

    private static readonly MetricDescriptor Sent = Counter("exporter_push_samples_sent_total", "Samples the receiver accepted.");

    private static readonly MetricDescriptor Failed = Counter(
        "exporter_push_samples_failed_total", "Samples in requests that failed (network error, timeout, 5xx, 429), counted per attempt.");

    private static readonly MetricDescriptor Retried = Counter("exporter_push_samples_retried_total", "Samples sent again after a failed attempt.");

    private static readonly MetricDescriptor Retries = Counter("exporter_push_retries_total", "Requests sent again after a failed attempt.");

    private static readonly MetricDescriptor Dropped = new(
        "exporter_push_samples_dropped_total",
        "Samples that will never be sent: rejected by the receiver (a 4xx other than 429), or the oldest dropped from a full queue.",
        MetricType.Counter, "url", "reason");

    private static readonly MetricDescriptor Corrupt = Counter(
        "exporter_push_queue_corrupt_bytes_total", "Bytes of torn or corrupt records cut from the on-disk queue.");

    private static readonly MetricDescriptor QueueBytes = Gauge("exporter_push_queue_bytes", "Bytes of unsent collections in the queue.");

    private static readonly MetricDescriptor QueueMaxBytes = Gauge("exporter_push_queue_max_bytes", "Most bytes the queue may hold before the oldest is dropped.");

    private static readonly MetricDescriptor QueueCollections = Gauge("exporter_push_queue_collections", "Unsent collections in the queue.");

    private static readonly MetricDescriptor OldestAge = Gauge(
        "exporter_push_oldest_unsent_sample_age_seconds", "Age of the oldest unsent sample; 0 when the queue is empty.");

    private static readonly MetricDescriptor LastSuccess = Gauge(
        "exporter_push_last_success_timestamp_seconds", "When the receiver last accepted a request (Unix time); 0 before the first.");

    public const string CollectorName = "push";

    public string Name => CollectorName;

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        sink.Add(Collections, receivers.Collections);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var receiver in receivers.All)
        {
            var url = receiver.Settings.SafeUrl;
            var stats = receiver.Stats;
            var queue = receiver.Queue.State;
            sink.Add(Sent, stats.SamplesSent, url);
            sink.Add(Failed, stats.SamplesFailed, url);
            sink.Add(Retried, stats.SamplesRetried, url);
            sink.Add(Retries, stats.Retries, url);
            sink.Add(Dropped, stats.SamplesRejected, url, "rejected");
            sink.Add(Dropped, queue.DroppedSamples, url, "queue_full");
            sink.Add(Corrupt, queue.CorruptBytes, url);
            sink.Add(QueueBytes, queue.Bytes, url);
            sink.Add(QueueMaxBytes, queue.MaxBytes, url);
            sink.Add(QueueCollections, queue.Records, url);
            sink.Add(OldestAge, queue.OldestTimestampMs is { } oldest ? Math.Max(0, nowMs - oldest) / 1000.0 : 0, url);
            sink.Add(LastSuccess, stats.LastSuccessMs / 1000.0, url);
        }

        return Task.CompletedTask;
    }

    private static MetricDescriptor Counter(string name, string help) => new(name, help, MetricType.Counter, "url");

    private static MetricDescriptor Gauge(string name, string help) => new(name, help, MetricType.Gauge, "url");
}
