using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// node_thermal_zone_temp{type,zone} and node_cooling_device_{cur,max}_state{name,type} from
/// /sys/class/thermal (Documentation/driver-api/thermal/sysfs-api.rst). Temperatures are in
/// millidegrees Celsius there. A zone or device whose attributes cannot be read now (some firmware
/// answers EAGAIN or ENODATA) is left out of this scrape.
/// </summary>
internal sealed class ThermalZoneCollector(HostPaths paths) : ICollector
{
    private static readonly MetricDescriptor ZoneTemp = new("node_thermal_zone_temp", "Zone temperature in Celsius", MetricType.Gauge, "type", "zone");
    private static readonly MetricDescriptor CurState = new("node_cooling_device_cur_state", "Current throttle state of the cooling device", MetricType.Gauge, "name", "type");
    private static readonly MetricDescriptor MaxState = new("node_cooling_device_max_state", "Maximum throttle state of the cooling device", MetricType.Gauge, "name", "type");

    public string Name => "thermal_zone";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var root = paths.Sys("class", "thermal");
        foreach (var (zone, directory) in Numbered(root, "thermal_zone"))
        {
            if (Read(directory, "type") is { } type && Read(directory, "temp") is { } temp)
            {
                sink.Add(ZoneTemp, ProcValue.ParseInt64($"thermal {zone}/temp", temp) / 1000.0, type, zone);
            }
        }

        foreach (var (name, directory) in Numbered(root, "cooling_device"))
        {
            if (Read(directory, "type") is { } type && Read(directory, "cur_state") is { } cur && Read(directory, "max_state") is { } max)
            {
                sink.Add(CurState, ProcValue.ParseInt64($"cooling_device {name}/cur_state", cur), name, type);
                sink.Add(MaxState, ProcValue.ParseInt64($"cooling_device {name}/max_state", max), name, type);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>(number, path) of each "&lt;prefix&gt;N" entry, by number.</summary>
    private static IEnumerable<(string Number, string Path)> Numbered(string directory, string prefix)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFileSystemEntries(directory, prefix + "*")
            .Select(path => (Number: Path.GetFileName(path)[prefix.Length..], Path: path))
            .Where(e => e.Number.Length > 0 && e.Number.All(char.IsAsciiDigit))
            .OrderBy(e => e.Number.Length).ThenBy(e => e.Number, StringComparer.Ordinal);
    }

    private static string? Read(string directory, string file) => ProcFile.TryReadAttribute(Path.Join(directory, file))?.Trim();
}
