using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class TimexConverterTests
{
    // What adjtimex returned on this machine while unsynchronised (node_exporter 1.5 showed the same values).
    private static readonly TimexData Unsynced = new(
        Offset: 0, Freq: 0, MaxError: 16_000_000, EstError: 16_000_000, Status: 64, Constant: 2, Tick: 10_000,
        PpsFreq: 0, Jitter: 0, Shift: 0, Stabil: 0, JitCnt: 0, CalCnt: 0, ErrCnt: 0, StbCnt: 0, Tai: 0);

    [Fact]
    public void Converts_microsecond_fields_and_the_time_error_state()
    {
        var v = TimexConverter.Convert(Unsynced, TimexConverter.TimeError);

        v.SyncStatus.Should().Be(0);
        v.MaxErrorSeconds.Should().Be(16);
        v.EstimatedErrorSeconds.Should().Be(16);
        v.TickSeconds.Should().Be(0.01);
        v.Status.Should().Be(64);
        v.LoopTimeConstant.Should().Be(2);
        v.FrequencyAdjustmentRatio.Should().Be(1);
    }

    [Fact]
    public void Offset_and_jitter_are_nanoseconds_when_sta_nano_is_set()
    {
        var synced = Unsynced with { Status = 0x2001, Offset = -250_000, Jitter = 1_000, Freq = 65536 * 10 };

        var v = TimexConverter.Convert(synced, clockState: 0);

        v.SyncStatus.Should().Be(1);
        v.OffsetSeconds.Should().BeApproximately(-0.00025, 1e-12);
        v.PpsJitterSeconds.Should().BeApproximately(1e-6, 1e-15);
        v.FrequencyAdjustmentRatio.Should().BeApproximately(1.00001, 1e-12);
    }

    [Fact]
    public void Offset_is_microseconds_without_sta_nano()
    {
        TimexConverter.Convert(Unsynced with { Offset = 1500 }, 0).OffsetSeconds.Should().BeApproximately(0.0015, 1e-12);
    }

    [Fact]
    public void The_system_call_answers_on_linux()
    {
        // Reads the clock state only (modes = 0), so it needs no privilege.
        var result = TimexNative.Read();
        result.Should().NotBeNull("adjtimex with modes = 0 is allowed here");
        result!.Value.State.Should().BeInRange(0, 5);
        result.Value.Data.Tick.Should().BePositive();
    }
}
