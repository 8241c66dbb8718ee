using System.Globalization;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>The system clock, its time zone and the kernel's clocksources (node_exporter's "time" collector).</summary>
internal sealed class TimeCollector(HostPaths paths, TimeProvider time) : IInlineCollector
{
    internal static readonly MetricDescriptor Now = new(
        "node_time_seconds", "System time in seconds since epoch (1970).", MetricType.Gauge);

    private static readonly MetricDescriptor ZoneOffset = new(
        "node_time_zone_offset_seconds", "System time zone offset in seconds.", MetricType.Gauge, "time_zone");

    private static readonly MetricDescriptor Available = new(
        "node_time_clocksource_available_info",
        "Available clocksources read from '/sys/devices/system/clocksource'.",
        MetricType.Gauge,
        "clocksource",
        "device");

    private static readonly MetricDescriptor Current = new(
        "node_time_clocksource_current_info",
        "Current clocksource read from '/sys/devices/system/clocksource'.",
        MetricType.Gauge,
        "clocksource",
        "device");

    public string Name => "time";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        sink.Add(Now, (now - DateTimeOffset.UnixEpoch).TotalSeconds);
        var (zone, offset) = TimeParser.Zone(time.LocalTimeZone, now);
        sink.Add(ZoneOffset, offset, zone);

        AddClocksources(sink);
        return Task.CompletedTask;
    }

    private void AddClocksources(MetricSink sink)
    {
        var root = paths.Sys("devices", "system", "clocksource");
        if (!Directory.Exists(root))
        {
            return;
        }

        // node_exporter labels each device by its position in the sorted listing, which is the
        // device number whenever there are fewer than 11 (in practice there is one).
        var devices = Directory.EnumerateDirectories(root, "clocksource*")
            .Where(d => Path.GetFileName(d) is { Length: > 11 } n && char.IsAsciiDigit(n[11]))
            .Order(StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < devices.Count; i++)
        {
            var available = ProcFile.TryRead(Path.Join(devices[i], "available_clocksource"));
            var current = ProcFile.TryRead(Path.Join(devices[i], "current_clocksource"));
            if (available is null || current is null)
            {
                continue;
            }

            var device = i.ToString(CultureInfo.InvariantCulture);
            var (sources, active) = TimeParser.Clocksource(available, current);
            foreach (var source in sources)
            {
                sink.Add(Available, 1, source, device);
            }

            sink.Add(Current, 1, active, device);
        }
    }
}
