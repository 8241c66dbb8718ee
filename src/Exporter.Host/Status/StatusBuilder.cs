using static Exporter.Host.Status.StatusMetrics;

namespace Exporter.Host.Status;

/// <summary>
/// Maps a reading (and the one before it, for rates) to the status document. Pure: the same
/// readings always give the same document; the ring adds the history.
/// </summary>
internal static class StatusBuilder
{
    public static StatusDocument Build(StatusReading now, StatusReading? before, TimeSpan refresh, StatusHistory history) =>
        new(
            StatusDocument.CurrentVersion,
            new DateTimeOffset(now.At.UtcTicks - (now.At.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero), // as the page's script reads it
            refresh.TotalSeconds,
            HostStatusBuilder.Build(now, before),
            ContainerStatusBuilder.Build(now, before),
            DatabaseStatusBuilder.Build(now),
            Collectors(now),
            history);

    /// <summary>The figures a sparkline follows, from a built document.</summary>
    public static HeadlinePoint Headline(StatusDocument document)
    {
        var host = document.Host;
        return new HeadlinePoint(
            document.SampledAt,
            host.Cpu.BusyPercent,
            host.Load?.Load1,
            host.Memory?.UsedPercent,
            host.Swap?.UsedPercent,
            Total(host.Disks.Select(d => (d.ReadBytesPerSecond, d.WriteBytesPerSecond))),
            Total(host.Networks.Where(n => n.Device != "lo").Select(n => (n.ReceiveBytesPerSecond, n.TransmitBytesPerSecond))));
    }

    private static List<CollectorStatus> Collectors(StatusReading now)
    {
        var durations = now.Rows(CollectorDuration).ToDictionary(r => r.Label("collector"), r => r.Value, StringComparer.Ordinal);
        return [.. now.Rows(CollectorSuccess)
            .Select(r =>
            {
                var name = r.Label("collector");
                var ok = r.Value == 1;
                var error = ok ? null : ErrorText.Clean(now.CollectorErrors.GetValueOrDefault(name, "failed"));
                return new CollectorStatus(name, ok, Math.Round(durations.GetValueOrDefault(name), 6), error);
            })
            .OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>Both directions of every device added up; null without devices or while a rate is unknown.</summary>
    private static double? Total(IEnumerable<(double? A, double? B)> rates)
    {
        double? total = null;
        foreach (var (a, b) in rates)
        {
            if (a is null || b is null)
            {
                return null;
            }

            total = (total ?? 0) + a.Value + b.Value;
        }

        return total is { } t ? Math.Round(t, 1) : null;
    }
}

/// <summary>One collection's headline figures, one column of <see cref="StatusHistory"/>.</summary>
internal sealed record HeadlinePoint(
    DateTimeOffset At, double? CpuBusyPercent, double? Load1, double? MemoryUsedPercent, double? SwapUsedPercent, double? DiskBytesPerSecond, double? NetworkBytesPerSecond);
