using Exporter.TestSupport;
using Xunit.Abstractions;

namespace Exporter.IntegrationTests.Push;

/// <summary>
/// A long outage with a small bound: the on-disk queue grows to its max-size and then drops the
/// oldest data, counted; the directory never passes the bound by more than one segment; and the
/// exporter's memory stays flat while the queue on disk grows, since the queue lives on disk.
/// </summary>
public sealed class QueueBoundsTests(ITestOutputHelper output) : IDisposable
{
    private const long MaxBytes = 32L << 20;
    private const long SegmentBytes = MaxBytes / 16;
    private readonly string _dir = Directory.CreateTempSubdirectory("push-bounds-").FullName;

    [Fact]
    public async Task A_full_queue_drops_the_oldest_within_its_bound_while_memory_stays_flat()
    {
        var queue = Path.Join(_dir, "queue");
        var textfiles = Directory.CreateDirectory(Path.Join(_dir, "textfile")).FullName;
        var random = new Random(42);

        // Large collections (20,000 series of random values) so the queue grows by megabytes a second.
        await File.WriteAllLinesAsync(
            Path.Join(textfiles, "bulk.prom"),
            Enumerable.Range(0, 20_000).Select(i => $"push_bulk{{i=\"{i}\"}} {random.NextDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture)}"));
        using var nothing = new HeldPort();
        using var host = await HostProcess.StartAsync(
            "--collector.disable-defaults", "--collector.textfile", $"--collector.textfile.directory={textfiles}",
            $"--push.url=http://127.0.0.1:{nothing.Port}/api/v1/write", "--push.interval=200ms", $"--push.buffer.path={queue}",
            "--push.buffer.max-size=32MB");

        var rss = new List<(long Disk, long Rss)>();
        var biggest = 0L;
        var deadline = DateTime.UtcNow.AddSeconds(240);
        double dropped = 0;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000);
            var disk = PushedHost.DirectoryBytes(queue);
            biggest = Math.Max(biggest, disk);
            disk.Should().BeLessThanOrEqualTo(MaxBytes + SegmentBytes, "the bound, plus at most one segment");
            rss.Add((disk, PushedHost.RssBytes(host.Pid)));
            dropped = await PushedHost.MetricAsync(host, "exporter_push_samples_dropped_total", "reason=\"queue_full\"");
            if (dropped > 0 && rss.Count(r => r.Disk > MaxBytes - (2 * SegmentBytes)) >= 3)
            {
                break;
            }
        }

        dropped.Should().BePositive("a full queue drops its oldest data and counts it");
        biggest.Should().BeGreaterThan(MaxBytes - (2 * SegmentBytes));

        // Memory once the queue holds a few megabytes (the process is warm) against memory at the end.
        var warm = rss.First(r => r.Disk >= 4L << 20);
        var end = rss[^1];
        output.WriteLine($"queue on disk {warm.Disk >> 20} MB -> {end.Disk >> 20} MB (max {biggest >> 20} MB), RSS {warm.Rss >> 20} MB -> {end.Rss >> 20} MB (max {rss.Max(r => r.Rss) >> 20} MB), dropped {dropped} samples");
        (end.Disk - warm.Disk).Should().BeGreaterThan(20L << 20);
        (rss.Max(r => r.Rss) - warm.Rss).Should().BeLessThan(16L << 20, "the queue grows on disk, not in memory");
        var oldestAge = await PushedHost.MetricAsync(host, "exporter_push_oldest_unsent_sample_age_seconds");
        var queued = await PushedHost.MetricAsync(host, "exporter_push_queue_collections");
        output.WriteLine($"{queued} collections queued, oldest {oldestAge:0.0} s old");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
