namespace Exporter.Host.Status;

/// <summary>Rates and percentages as the page shows them: never NaN or infinite (JSON has neither).</summary>
internal static class StatusMath
{
    /// <summary>
    /// Per-second increase of a counter; null without an earlier value, or when the counter went
    /// down (a reset: a reboot, a restarted container) or no time passed.
    /// </summary>
    public static double? Rate(double now, double? before, double seconds) =>
        before is { } b && now >= b && seconds > 0 ? (now - b) / seconds : null;

    /// <summary>A rate as the document carries it: rounded to 0.1.</summary>
    public static double? Round(double? rate) => rate is { } r ? Math.Round(r, 1) : null;

    /// <summary>part / whole as a percentage rounded to 0.01, between 0 and 100; null when whole is not positive.</summary>
    public static double? Percent(double part, double whole) =>
        whole > 0 && double.IsFinite(part) && double.IsFinite(whole) ? Math.Round(Math.Clamp(part / whole * 100, 0, 100), 2) : null;

    /// <summary>Elapsed seconds between two readings, 0 when there is no earlier one.</summary>
    public static double Seconds(StatusReading now, StatusReading? before) =>
        before is null ? 0 : (now.Monotonic - before.Monotonic).TotalSeconds;
}
