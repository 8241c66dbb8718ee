using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>node_timex_*: the kernel's clock discipline (NTP) state from adjtimex(2). Linux only.</summary>
internal sealed class TimexCollector : IInlineCollector
{
    private static readonly MetricDescriptor SyncStatus = Gauge("sync_status", "Is clock synchronized to a reliable server (1 = yes, 0 = no).");
    private static readonly MetricDescriptor Offset = Gauge("offset_seconds", "Time offset in between local system and reference clock.");
    private static readonly MetricDescriptor Frequency = Gauge("frequency_adjustment_ratio", "Local clock frequency adjustment.");
    private static readonly MetricDescriptor MaxError = Gauge("maxerror_seconds", "Maximum error in seconds.");
    private static readonly MetricDescriptor EstError = Gauge("estimated_error_seconds", "Estimated error in seconds.");
    private static readonly MetricDescriptor Status = Gauge("status", "Value of the status array bits.");
    private static readonly MetricDescriptor Constant = Gauge("loop_time_constant", "Phase-locked loop time constant.");
    private static readonly MetricDescriptor Tick = Gauge("tick_seconds", "Seconds between clock ticks.");
    private static readonly MetricDescriptor PpsFrequency = Gauge("pps_frequency_hertz", "Pulse per second frequency.");
    private static readonly MetricDescriptor PpsJitter = Gauge("pps_jitter_seconds", "Pulse per second jitter.");
    private static readonly MetricDescriptor PpsShift = Gauge("pps_shift_seconds", "Pulse per second interval duration.");
    private static readonly MetricDescriptor PpsStability = Gauge("pps_stability_hertz", "Pulse per second stability, average of recent frequency changes.");
    private static readonly MetricDescriptor PpsJitterTotal = Counter("pps_jitter_total", "Pulse per second count of jitter limit exceeded events.");
    private static readonly MetricDescriptor PpsCalibrationTotal = Counter("pps_calibration_total", "Pulse per second count of calibration intervals.");
    private static readonly MetricDescriptor PpsErrorTotal = Counter("pps_error_total", "Pulse per second count of calibration errors.");
    private static readonly MetricDescriptor PpsStabilityExceededTotal = Counter("pps_stability_exceeded_total", "Pulse per second count of stability limit exceeded events.");
    private static readonly MetricDescriptor TaiOffset = Gauge("tai_offset_seconds", "International Atomic Time (TAI) offset.");

    public string Name => "timex";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return Task.CompletedTask;
        }

        if (TimexNative.Read() is { } result)
        {
            Add(sink, TimexConverter.Convert(result.Data, result.State));
        }

        return Task.CompletedTask;
    }

    internal static void Add(MetricSink sink, TimexValues v)
    {
        sink.Add(SyncStatus, v.SyncStatus);
        sink.Add(Offset, v.OffsetSeconds);
        sink.Add(Frequency, v.FrequencyAdjustmentRatio);
        sink.Add(MaxError, v.MaxErrorSeconds);
        sink.Add(EstError, v.EstimatedErrorSeconds);
        sink.Add(Status, v.Status);
        sink.Add(Constant, v.LoopTimeConstant);
        sink.Add(Tick, v.TickSeconds);
        sink.Add(PpsFrequency, v.PpsFrequencyHertz);
        sink.Add(PpsJitter, v.PpsJitterSeconds);
        sink.Add(PpsShift, v.PpsShiftSeconds);
        sink.Add(PpsStability, v.PpsStabilityHertz);
        sink.Add(PpsJitterTotal, v.PpsJitterTotal);
        sink.Add(PpsCalibrationTotal, v.PpsCalibrationTotal);
        sink.Add(PpsErrorTotal, v.PpsErrorTotal);
        sink.Add(PpsStabilityExceededTotal, v.PpsStabilityExceededTotal);
        sink.Add(TaiOffset, v.TaiOffsetSeconds);
    }

    private static MetricDescriptor Gauge(string name, string help) => new("node_timex_" + name, help, MetricType.Gauge);

    private static MetricDescriptor Counter(string name, string help) => new("node_timex_" + name, help, MetricType.Counter);
}
