using System.Runtime.CompilerServices;
using Exporter.Core.Windows;

namespace Exporter.Core.Tests.Windows;

public sealed class DiskCountersTests
{
    private const long Second = 10_000_000;

    // 2026-01-01 as a FILETIME-like system time in 100 ns; only differences matter.
    private const long Now = 134_117_856_000_000_000;

    [Fact]
    public void The_first_reading_gives_the_drivers_totals_and_no_busy_time_yet()
    {
        var (totals, _) = DiskCounters.Next(Disk(reads: 10, writes: 20, idle: 500 * Second, query: Now), previous: null);

        totals.Should().Be(new DiskTotals(
            ReadsCompleted: 10,
            ReadBytes: 4096 * 10,
            ReadSeconds: 1.5,
            WritesCompleted: 20,
            WrittenBytes: 8192 * 20,
            WriteSeconds: 2.25,
            IoNow: 3,
            IoSeconds: 0));
    }

    [Fact]
    public void Busy_time_is_the_time_elapsed_less_the_idle_time_added_since()
    {
        var (_, first) = DiskCounters.Next(Disk(reads: 10, writes: 20, idle: 500 * Second, query: Now), previous: null);

        // 10 s later the disk was idle for 7.5 of them.
        var (totals, _) = DiskCounters.Next(Disk(reads: 11, writes: 20, idle: 507 * Second + (Second / 2), query: Now + (10 * Second)), first);

        totals.IoSeconds.Should().Be(2.5);
    }

    [Fact]
    public void Operation_counts_keep_counting_when_the_32_bit_counters_wrap()
    {
        var (_, first) = DiskCounters.Next(Disk(reads: uint.MaxValue - 1, writes: 5, idle: 0, query: Now), previous: null);
        var (totals, second) = DiskCounters.Next(Disk(reads: 3, writes: 6, idle: 0, query: Now + Second), first);

        totals.ReadsCompleted.Should().Be((double)uint.MaxValue + 4, "5 reads after 4294967294: the counter passed 2^32 once");
        totals.WritesCompleted.Should().Be(6);
        DiskCounters.Next(Disk(reads: 10, writes: 6, idle: 0, query: Now + (2 * Second)), second).Totals.ReadsCompleted
            .Should().Be((double)uint.MaxValue + 11);
    }

    [Fact]
    public void Busy_time_never_goes_back_when_the_clock_is_set_back()
    {
        var (_, first) = DiskCounters.Next(Disk(reads: 1, writes: 1, idle: 0, query: Now), previous: null);
        var (_, second) = DiskCounters.Next(Disk(reads: 1, writes: 1, idle: 0, query: Now + (5 * Second)), first);
        var (totals, _) = DiskCounters.Next(Disk(reads: 1, writes: 1, idle: 0, query: Now + (2 * Second)), second);

        totals.IoSeconds.Should().Be(5);
    }

    [Fact]
    public void The_struct_has_the_size_of_disk_performance() =>
        Unsafe.SizeOf<DiskPerformance>().Should().Be(88, "DISK_PERFORMANCE ends with WCHAR StorageManagerName[8] and is aligned to 8");

    private static DiskPerformance Disk(uint reads, uint writes, long idle, long query) => new()
    {
        BytesRead = 4096 * 10,
        BytesWritten = 8192 * 20,
        ReadTime = 15 * Second / 10,
        WriteTime = 9 * Second / 4,
        IdleTime = idle,
        ReadCount = reads,
        WriteCount = writes,
        QueueDepth = 3,
        QueryTime = query,
    };
}
