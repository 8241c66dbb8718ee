using System.Globalization;
using System.Text.RegularExpressions;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>One node_hwmon_* sample: its family (name, help, type) and the chip/sensor it is about.</summary>
internal sealed record HwmonSample(string Metric, string Help, MetricType Type, string Sensor, double Value);

/// <summary>
/// The naming rules of node_exporter's hwmon collector over the attribute files of one hwmon chip
/// (Documentation/hwmon/sysfs-interface.rst): files are "&lt;type&gt;&lt;n&gt;_&lt;property&gt;" (temp1_input,
/// fan2_max, in0_label); values are millidegrees, millivolts, milliamps, microwatts, microjoules.
/// </summary>
internal static partial class HwmonParser
{
    private static readonly HashSet<string> SensorTypes = new(StringComparer.Ordinal)
    {
        "vrm", "beep_enable", "update_interval", "in", "cpu", "fan", "pwm", "temp", "curr", "power", "energy", "humidity", "intrusion",
    };

    /// <summary>Lower case, anything but [a-z0-9:_] replaced by '_', outer '_' trimmed ("Core 0" → "core_0").</summary>
    public static string CleanName(string name) => InvalidChars().Replace(name.ToLowerInvariant(), "_").Trim('_');

    /// <summary>
    /// For an attribute file of a known sensor type: the sensor ("temp1"; a missing number is 0) and
    /// the property ("input", or "" for a file such as "vrm").
    /// </summary>
    public static bool TryParseFileName(string fileName, out string sensor, out string property)
    {
        sensor = property = string.Empty;
        var match = FileNamePattern().Match(fileName);
        if (!match.Success || !SensorTypes.Contains(match.Groups["type"].Value)
            || !int.TryParse(match.Groups["id"].ValueSpan.IsEmpty ? "0" : match.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        sensor = match.Groups["type"].Value + number.ToString(CultureInfo.InvariantCulture);
        property = match.Groups["property"].Value;
        return true;
    }

    /// <summary>The samples for one sensor's properties (property → raw file content), in property order.</summary>
    public static IEnumerable<HwmonSample> Samples(string sensor, IReadOnlyDictionary<string, string> properties)
    {
        var type = FileNamePattern().Match(sensor).Groups["type"].Value;
        properties.TryGetValue(string.Empty, out var bare);
        switch (type)
        {
            case "beep_enable":
                yield return new("node_hwmon_beep_enabled", "Hardware beep enabled", MetricType.Gauge, sensor, bare == "1" ? 1 : 0);
                yield break;
            case "vrm":
                if (ProcValue.TryParseDouble(bare, out var vrm))
                {
                    yield return new("node_hwmon_voltage_regulator_version", "Hardware voltage regulator", MetricType.Gauge, sensor, vrm);
                }

                yield break;
            case "update_interval":
                if (ProcValue.TryParseDouble(bare, out var interval))
                {
                    yield return new("node_hwmon_update_interval_seconds", "Hardware monitor update interval", MetricType.Gauge, sensor, interval * 0.001);
                }

                yield break;
        }

        foreach (var (element, text) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (element == "label" || !ProcValue.TryParseDouble(text, out var value))
            {
                continue;
            }

            // "temp1_input" is the sensor's value, named like a bare "temp1" would be.
            var name = "node_hwmon_" + type;
            if (element == "input")
            {
                name += bare is not null ? "_input" : string.Empty;
            }
            else if (element.Length > 0)
            {
                name += "_" + CleanName(element);
            }

            yield return Sample(type, element, name, sensor, value);
        }
    }

    private static HwmonSample Sample(string type, string element, string name, string sensor, double value) => (type, element) switch
    {
        (_, "fault" or "alarm") => new(name, $"Hardware sensor {element} status ({type})", MetricType.Gauge, sensor, value),
        (_, "beep") => new(name + "_enabled", "Hardware monitor sensor has beeping enabled", MetricType.Gauge, sensor, value),
        ("in" or "cpu", _) => new(name + "_volts", $"Hardware monitor for voltage ({element})", MetricType.Gauge, sensor, value * 0.001),
        ("temp", not "type") => new(name + "_celsius", $"Hardware monitor for temperature ({(element.Length == 0 ? "input" : element)})", MetricType.Gauge, sensor, value * 0.001),
        ("curr", _) => new(name + "_amps", $"Hardware monitor for current ({element})", MetricType.Gauge, sensor, value * 0.001),
        ("energy", _) => new(name + "_joule_total", $"Hardware monitor for joules used so far ({element})", MetricType.Counter, sensor, value / 1e6),
        ("power", "accuracy") => new(name, "Hardware monitor power meter accuracy, as a ratio", MetricType.Gauge, sensor, value / 1e6),
        ("power", "average_interval" or "average_interval_min" or "average_interval_max") =>
            new(name + "_seconds", $"Hardware monitor power usage update interval ({element})", MetricType.Gauge, sensor, value * 0.001),
        ("power", _) => new(name + "_watt", $"Hardware monitor for power usage in watts ({element})", MetricType.Gauge, sensor, value / 1e6),
        ("humidity", _) => new(name, $"Hardware monitor for humidity, as a ratio (multiply with 100.0 to get the humidity as a percentage) ({element})", MetricType.Gauge, sensor, value / 1e6),
        ("fan", "input" or "min" or "max" or "target") => new(name + "_rpm", $"Hardware monitor for fan revolutions per minute ({element})", MetricType.Gauge, sensor, value),
        _ => new(name, $"Hardware monitor {type} element {element}", MetricType.Gauge, sensor, value),
    };

    [GeneratedRegex("[^a-z0-9:_]")]
    private static partial Regex InvalidChars();

    [GeneratedRegex("^(?<type>[^0-9]+)(?<id>[0-9]*)?(_(?<property>.+))?$")]
    private static partial Regex FileNamePattern();
}
