using Exporter.RemoteWrite.Queue;

namespace Exporter.RemoteWrite.Tests.Queue;

public class MemoryQueueTests
{
    [Fact]
    public void Past_its_bound_the_oldest_records_are_dropped_and_counted()
    {
        var queue = new MemoryQueue(maxBytes: 10_000);
        for (var i = 0; i < 25; i++)
        {
            queue.Append(new byte[1000], i, 3);
        }

        var state = queue.State;
        state.Records.Should().Be(10);
        state.Bytes.Should().Be(10_000);
        state.DroppedSamples.Should().Be(15 * 3);
        state.OldestTimestampMs.Should().Be(15);
    }

    [Fact]
    public void Batches_are_bounded_in_bytes_and_commit_removes_only_what_they_held()
    {
        var queue = new MemoryQueue(maxBytes: 1 << 20);
        for (var i = 0; i < 5; i++)
        {
            queue.Append(new byte[100], i, 1);
        }

        var batch = queue.Read(250)!;
        batch.Payloads.Should().HaveCount(2);
        queue.Append(new byte[100], 5, 1);
        queue.Commit(batch);

        queue.State.Records.Should().Be(4);
        queue.State.OldestTimestampMs.Should().Be(2);
        queue.LastTimestampMs.Should().Be(5);
    }

    [Fact]
    public async Task Waiting_ends_when_a_record_arrives()
    {
        var queue = new MemoryQueue(1000);
        var wait = queue.WaitAsync(CancellationToken.None);
        wait.IsCompleted.Should().BeFalse();

        queue.Append(new byte[1], 1, 1);

        await wait.WaitAsync(TimeSpan.FromSeconds(30));
        queue.WaitAsync(CancellationToken.None).IsCompleted.Should().BeTrue();
    }
}
