using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// node_hwmon_* from /sys/class/hwmon (temperatures, fans, voltages, power...), named as node_exporter
/// 1.5 names them, plus node_hwmon_chip_names and node_hwmon_sensor_label to join human-readable
/// names. Virtual machines usually have no hwmon devices: no data.
/// </summary>
internal sealed class HwmonCollector(HostPaths paths) : ICollector
{
    private static readonly MetricDescriptor ChipNames = new(
        "node_hwmon_chip_names", "Annotation metric for human-readable chip names", MetricType.Gauge, "chip", "chip_name");

    private static readonly MetricDescriptor SensorLabel = new(
        "node_hwmon_sensor_label", "Label for given chip and sensor", MetricType.Gauge, "chip", "label", "sensor");

    private readonly DescriptorCache _descriptors = new();

    public string Name => "hwmon";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var root = paths.Sys("class", "hwmon");
        if (!Directory.Exists(root))
        {
            return Task.CompletedTask;
        }

        var chips = Directory.EnumerateFileSystemEntries(root)
            .Where(Directory.Exists)
            .Select(dir => (Chip: ChipName(dir), Dir: dir))
            .Where(c => c.Chip is not null)
            .OrderBy(c => c.Chip, StringComparer.Ordinal);
        foreach (var (chip, dir) in chips)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                Collect(sink, chip!, dir);
            }
            catch (DirectoryNotFoundException)
            {
                // The device went away while being read (hot-unplug, module unload): no data for it.
            }
        }

        return Task.CompletedTask;
    }

    private void Collect(MetricSink sink, string chip, string dir)
    {
        var sensors = new SortedDictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        ReadSensors(dir, sensors);
        var device = Path.Join(dir, "device");
        if (Directory.Exists(device))
        {
            ReadSensors(device, sensors);
        }

        if (Read(Path.Join(dir, "name")) is { } rawName && HwmonParser.CleanName(rawName) is { Length: > 0 } chipName)
        {
            sink.Add(ChipNames, 1, chip, chipName);
        }

        foreach (var (sensor, properties) in sensors)
        {
            if (properties.TryGetValue("label", out var label))
            {
                sink.Add(SensorLabel, 1, chip, label, sensor);
            }

            foreach (var sample in HwmonParser.Samples(sensor, properties))
            {
                sink.Add(_descriptors.Get(sample.Metric, sample.Help, sample.Type, "chip", "sensor"), sample.Value, chip, sample.Sensor);
            }
        }
    }

    private static void ReadSensors(string dir, SortedDictionary<string, Dictionary<string, string>> sensors)
    {
        foreach (var file in Directory.EnumerateFileSystemEntries(dir))
        {
            if (HwmonParser.TryParseFileName(Path.GetFileName(file), out var sensor, out var property) && Read(file) is { } value)
            {
                if (!sensors.TryGetValue(sensor, out var properties))
                {
                    sensors[sensor] = properties = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                properties[property] = value;
            }
        }
    }

    /// <summary>
    /// A stable chip name: the bus and device the hwmon belongs to ("platform_coretemp_0",
    /// "pci0000:00_0000:00:18_3"), since hwmonN numbers change with module load order; else its
    /// "name" attribute; else "hwmonN".
    /// </summary>
    private static string? ChipName(string dir)
    {
        if (SysfsPath.RealPath(Path.Join(dir, "device")) is { } device)
        {
            var deviceName = HwmonParser.CleanName(Path.GetFileName(device));
            var deviceType = HwmonParser.CleanName(Path.GetFileName(Path.GetDirectoryName(device)) ?? string.Empty);
            if (deviceName.Length > 0)
            {
                return deviceType.Length > 0 ? deviceType + "_" + deviceName : deviceName;
            }
        }

        if (Read(Path.Join(dir, "name")) is { } name && HwmonParser.CleanName(name) is { Length: > 0 } cleanName)
        {
            return cleanName;
        }

        return SysfsPath.RealPath(dir) is { } real && HwmonParser.CleanName(Path.GetFileName(real)) is { Length: > 0 } hwmonN ? hwmonN : null;
    }

    private static string? Read(string path) => ProcFile.TryReadAttribute(path)?.Trim('\n');
}
