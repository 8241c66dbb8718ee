using Exporter.RemoteWrite.Queue;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exporter.RemoteWrite.Tests.Queue;

public sealed class DiskQueueTests : IDisposable
{
    private const int Header = QueueRecord.HeaderSize;
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Records_come_back_oldest_first_and_leave_only_when_committed()
    {
        using var queue = Open();
        Append(queue, 3);

        var batch = queue.Read(int.MaxValue)!;

        batch.Payloads.Select(Text).Should().Equal("record 0", "record 1", "record 2");
        batch.Samples.Should().Be(0 + 1 + 2);
        batch.FirstTimestampMs.Should().Be(1000);
        queue.State.Records.Should().Be(3, "reading does not remove");
        queue.Commit(batch);
        queue.State.Should().Be(new QueueState(0, 0, 0, null, 0, 0, 1 << 20));
        queue.Read(int.MaxValue).Should().BeNull();
    }

    [Fact]
    public void A_reopened_queue_resumes_after_the_last_committed_batch()
    {
        using (var queue = Open())
        {
            Append(queue, 5);
            var batch = queue.Read(2 * (Header + 8))!;
            batch.Payloads.Should().HaveCount(2);
            queue.Commit(batch);
        }

        using var reopened = Open();

        reopened.State.Records.Should().Be(3);
        reopened.State.OldestTimestampMs.Should().Be(1002);
        reopened.LastTimestampMs.Should().Be(1004);
        reopened.Read(int.MaxValue)!.Payloads.Select(Text).Should().Equal("record 2", "record 3", "record 4");
    }

    [Fact]
    public void A_torn_tail_is_cut_off_and_counted_and_appending_goes_on_after_it()
    {
        using (var queue = Open())
        {
            Append(queue, 3);
        }

        var segment = _dir.Segments.Single();
        var intact = new FileInfo(segment).Length;
        using (var file = File.OpenWrite(segment))
        {
            file.SetLength(intact - 5);
        }

        using var reopened = Open();
        reopened.State.CorruptBytes.Should().Be(Header + 8 - 5);
        new FileInfo(segment).Length.Should().Be(intact - Header - 8);
        Append(reopened, 1, first: 7);

        reopened.Read(int.MaxValue)!.Payloads.Select(Text).Should().Equal("record 0", "record 1", "record 7");
    }

    [Fact]
    public void A_flipped_bit_loses_only_that_record_and_is_counted()
    {
        using (var queue = Open())
        {
            Append(queue, 3);
        }

        var segment = _dir.Segments.Single();
        var bytes = File.ReadAllBytes(segment);
        var secondPayload = SegmentFile.Header.Length + Header + 8 + Header;
        bytes[secondPayload + 3] ^= 0x10;
        File.WriteAllBytes(segment, bytes);

        using var reopened = Open();

        reopened.State.CorruptBytes.Should().Be(Header + 8);
        reopened.Read(int.MaxValue)!.Payloads.Select(Text).Should().Equal("record 0", "record 2");
    }

    [Fact]
    public void A_length_that_cannot_be_right_cuts_the_rest_of_the_segment()
    {
        using (var queue = Open())
        {
            Append(queue, 3);
        }

        var segment = _dir.Segments.Single();
        var bytes = File.ReadAllBytes(segment);
        bytes[SegmentFile.Header.Length + Header + 8 + 3] = 0x7f; // the second record's length: about 2 GB
        File.WriteAllBytes(segment, bytes);

        using var reopened = Open();

        reopened.State.CorruptBytes.Should().Be(2 * (Header + 8));
        reopened.Read(int.MaxValue)!.Payloads.Select(Text).Should().Equal("record 0");
    }

    [Fact]
    public void A_file_without_the_segment_header_is_removed_and_counted()
    {
        using (var queue = Open())
        {
            Append(queue, 1);
        }

        File.WriteAllBytes(_dir.Segments.Single(), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

        using var reopened = Open();

        reopened.State.CorruptBytes.Should().Be(10);
        reopened.State.Records.Should().Be(0);
        Append(reopened, 1);
        reopened.State.Records.Should().Be(1);
    }

    [Fact]
    public void Full_segments_roll_over_and_sent_ones_are_deleted()
    {
        using var queue = Open(maxBytes: 256 << 10);
        var payload = new byte[6000];
        for (var i = 0; i < 10; i++)
        {
            queue.Append(payload, i, 1);
        }

        _dir.Segments.Should().HaveCount(5, "16 KiB segments hold two 6 KB records each");
        while (queue.Read(1) is { } batch)
        {
            batch.Payloads.Should().ContainSingle();
            queue.Commit(batch);
        }

        _dir.Segments.Should().ContainSingle("only the segment being written stays");
    }

    [Fact]
    public void At_max_size_the_oldest_segments_are_dropped_and_counted_and_the_directory_stays_within_one_segment_of_the_bound()
    {
        const long max = 64 << 10;
        using var queue = Open(maxBytes: max);
        var payload = new byte[1000];
        for (var i = 0; i < 150; i++)
        {
            queue.Append(payload, 1000 + i, 10);
            _dir.SegmentBytes.Should().BeLessThanOrEqualTo(max + queue.SegmentSize);
        }

        var state = queue.State;
        state.DroppedSamples.Should().Be((150 - state.Records) * 10);
        state.DroppedSamples.Should().BeGreaterThan(0);
        state.OldestTimestampMs.Should().Be(1000 + 150 - state.Records, "what stays is the newest");
        state.Bytes.Should().BeLessThanOrEqualTo(max);
    }

    [Fact]
    public void A_batch_dropped_to_make_room_is_no_longer_the_head()
    {
        using var queue = Open(maxBytes: 64 << 10);
        var payload = new byte[1000];
        queue.Append(payload, 1, 1);
        var batch = queue.Read(int.MaxValue)!;
        queue.IsHead(batch).Should().BeTrue();

        for (var i = 0; i < 100; i++)
        {
            queue.Append(payload, 2 + i, 1);
        }

        queue.IsHead(batch).Should().BeFalse();
    }

    [Fact]
    public void A_damaged_position_file_resends_from_the_oldest_record()
    {
        using (var queue = Open())
        {
            Append(queue, 3);
            queue.Commit(queue.Read(Header + 8)!);
        }

        File.WriteAllBytes(Path.Join(_dir.Path, "position"), new byte[20]);

        using var reopened = Open();

        reopened.State.Records.Should().Be(3);
    }

    [Fact]
    public void A_second_process_cannot_open_the_same_queue()
    {
        using var queue = Open();

        var second = () => Open();

        second.Should().Throw<IOException>();
    }

    public void Dispose() => _dir.Dispose();

    private DiskQueue Open(long maxBytes = 1 << 20) => DiskQueue.Open(_dir.Path, maxBytes, NullLogger.Instance);

    // Each payload is "record N": 8 bytes.
    private static void Append(IPushQueue queue, int count, int first = 0)
    {
        for (var i = first; i < first + count; i++)
        {
            queue.Append(System.Text.Encoding.ASCII.GetBytes($"record {i}"), 1000 + i, i);
        }
    }

    private static string Text(ReadOnlyMemory<byte> payload) => System.Text.Encoding.ASCII.GetString(payload.Span);
}
