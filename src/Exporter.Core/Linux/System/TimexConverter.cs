namespace Exporter.Core.Linux;

/// <summary>The fields of struct timex (adjtimex(2)) node_exporter's timex collector reports, as the kernel returns them.</summary>
internal readonly record struct TimexData(
    long Offset, long Freq, long MaxError, long EstError, int Status, long Constant, long Tick,
    long PpsFreq, long Jitter, int Shift, long Stabil, long JitCnt, long CalCnt, long ErrCnt, long StbCnt, int Tai);

/// <summary>node_timex_* values in base units.</summary>
internal sealed record TimexValues(
    double SyncStatus, double OffsetSeconds, double FrequencyAdjustmentRatio, double MaxErrorSeconds, double EstimatedErrorSeconds,
    double Status, double LoopTimeConstant, double TickSeconds, double PpsFrequencyHertz, double PpsJitterSeconds,
    double PpsShiftSeconds, double PpsStabilityHertz, double PpsJitterTotal, double PpsCalibrationTotal, double PpsErrorTotal,
    double PpsStabilityExceededTotal, double TaiOffsetSeconds);

/// <summary>
/// Converts what adjtimex(2) returns into node_exporter's units. Pure, so it is tested without the
/// system call: offset and jitter are in microseconds, or nanoseconds when STA_NANO is set;
/// freq, ppsfreq and stabil are in ppm with a 16-bit fraction ("scaled ppm", see NOTES in adjtimex(2)).
/// </summary>
internal static class TimexConverter
{
    /// <summary>The clock state adjtimex returns when the clock is not synchronised.</summary>
    public const int TimeError = 5;

    private const int StaNano = 0x2000;
    private const double Micro = 1e6;
    private const double Nano = 1e9;
    private const double ScaledPpm = 1e6 * 65536.0;

    public static TimexValues Convert(TimexData t, int clockState)
    {
        var divisor = (t.Status & StaNano) != 0 ? Nano : Micro;
        return new TimexValues(
            SyncStatus: clockState == TimeError ? 0 : 1,
            OffsetSeconds: t.Offset / divisor,
            FrequencyAdjustmentRatio: 1 + (t.Freq / ScaledPpm),
            MaxErrorSeconds: t.MaxError / Micro,
            EstimatedErrorSeconds: t.EstError / Micro,
            Status: t.Status,
            LoopTimeConstant: t.Constant,
            TickSeconds: t.Tick / Micro,
            PpsFrequencyHertz: t.PpsFreq / ScaledPpm,
            PpsJitterSeconds: t.Jitter / divisor,
            PpsShiftSeconds: t.Shift,
            PpsStabilityHertz: t.Stabil / ScaledPpm,
            PpsJitterTotal: t.JitCnt,
            PpsCalibrationTotal: t.CalCnt,
            PpsErrorTotal: t.ErrCnt,
            PpsStabilityExceededTotal: t.StbCnt,
            TaiOffsetSeconds: t.Tai);
    }
}
