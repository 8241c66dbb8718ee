using System.Buffers.Binary;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Push;

/// <summary>
/// An exporter killed during an outage leaves its queue on disk; then one segment gets a flipped bit
/// and the last one is cut mid-record (as a power loss would). The next start recovers: it does not
/// crash, counts the bytes lost, and sends every other collection.
/// </summary>
public sealed class CorruptQueueTests : IDisposable
{
    private const int SegmentHeader = 8;
    private const int RecordHeader = 20;
    private readonly string _dir = Directory.CreateTempSubdirectory("push-corrupt-").FullName;

    [Fact]
    public async Task A_bit_flipped_and_a_truncated_segment_are_recovered_with_the_loss_counted()
    {
        var queue = Path.Join(_dir, "queue");
        var textfiles = Directory.CreateDirectory(Path.Join(_dir, "textfile")).FullName;
        await File.WriteAllLinesAsync(Path.Join(textfiles, "bulk.prom"), Enumerable.Range(0, 300).Select(i => $"push_bulk{{i=\"{i}\"}} {i * 1.5}"));
        // Held (bound, never listening) while the first run queues, so nothing can answer it.
        using var held = new HeldPort();
        var port = held.Port;
        var instance = "corrupt-" + Guid.NewGuid().ToString("N")[..8];
        string[] flags =
        [
            "--collector.disable-defaults", "--collector.textfile", $"--collector.textfile.directory={textfiles}",
            $"--push.url=http://127.0.0.1:{port}/api/v1/write", "--push.interval=200ms", $"--push.buffer.path={queue}",
            "--push.buffer.max-size=1MB", $"--push.label=instance={instance}",
        ];

        // Nothing listens on the port yet: everything stays queued, in 64 KiB segments.
        using (var first = await HostProcess.StartAsync([.. flags, "--push.label=run=1"]))
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (Segments(queue).Length < 3 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }

        var segments = Segments(queue);
        segments.Length.Should().BeGreaterThanOrEqualTo(3);
        var records = segments.Select(Records).ToList();
        var total = records.Sum(r => r.Count);

        // The second record of the oldest segment gets a flipped bit in its payload: that record is lost.
        var bytes = await File.ReadAllBytesAsync(segments[0]);
        var flipped = records[0][1];
        bytes[flipped.Offset + RecordHeader + (flipped.Length / 2)] ^= 0x04;
        await File.WriteAllBytesAsync(segments[0], bytes);

        // The newest segment loses its last 10 bytes: its last record is torn.
        var last = segments[^1];
        var torn = records[^1][^1];
        using (var file = File.OpenWrite(last))
        {
            file.SetLength(torn.Offset + RecordHeader + torn.Length - 10);
        }

        // The queue directory is named after the URL, so the receiver takes over the same port.
        held.Dispose();
        using var receiver = await VictoriaMetricsReceiver.StartAsync(port);
        using var second = await HostProcess.StartAsync([.. flags, "--push.label=run=2"]);
        var expectedCorrupt = (RecordHeader + flipped.Length) + (RecordHeader + torn.Length - 10);
        (await PushedHost.MetricAsync(second, "exporter_push_queue_corrupt_bytes_total")).Should().Be(expectedCorrupt);

        // Collection n reported exporter_push_collections_total n, so the first run's stored values
        // are all of 0 .. total-1 but the flipped record's (1) and the torn one's (total-1).
        var selector = $"exporter_push_collections_total{{instance=\"{instance}\",run=\"1\"}}";
        var expected = Enumerable.Range(0, total).Where(n => n != 1 && n != total - 1).Select(n => (double)n).ToList();
        List<double> stored = [];
        var until = DateTime.UtcNow.AddSeconds(120);
        while (stored.Count < expected.Count && DateTime.UtcNow < until)
        {
            await Task.Delay(500);
            stored = [.. ((await receiver.ExportAsync(selector)).Values.SingleOrDefault() ?? []).Select(s => s.Value)];
        }

        stored.Should().Equal(expected);
        (await second.WaitForOutputAsync("damaged")).Should().Contain("damaged");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string[] Segments(string queue) =>
        Directory.Exists(queue) ? [.. Directory.GetFiles(queue, "*.seg", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];

    /// <summary>The complete records of a segment (docs/push.md describes the format): offset and payload length.</summary>
    private static List<(int Offset, int Length)> Records(string segment)
    {
        var bytes = File.ReadAllBytes(segment);
        var records = new List<(int, int)>();
        var offset = SegmentHeader;
        while (offset + RecordHeader <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset));
            if (offset + RecordHeader + length > bytes.Length)
            {
                break;
            }

            records.Add((offset, length));
            offset += RecordHeader + length;
        }

        return records;
    }
}
