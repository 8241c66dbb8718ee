using Exporter.Core.Exposition;
using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class HwmonParserTests
{
    [Theory]
    [InlineData("temp1_input", "temp1", "input")]
    [InlineData("in0_label", "in0", "label")]
    [InlineData("temp1_auto_point1_pwm", "temp1", "auto_point1_pwm")]
    [InlineData("vrm", "vrm0", "")]
    [InlineData("update_interval", "update_interval0", "")]
    [InlineData("pwm2", "pwm2", "")]
    public void Splits_attribute_file_names(string file, string sensor, string property)
    {
        HwmonParser.TryParseFileName(file, out var s, out var p).Should().BeTrue();
        (s, p).Should().Be((sensor, property));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("uevent")]
    [InlineData("device")]
    [InlineData("temp99999999999_input")]
    public void Ignores_files_that_are_not_sensors(string file)
    {
        HwmonParser.TryParseFileName(file, out _, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("Core 0", "core_0")]
    [InlineData("coretemp.0", "coretemp_0")]
    [InlineData("__Package-id__", "package_id")]
    [InlineData("0000:00:18.3", "0000:00:18_3")]
    public void Cleans_names(string raw, string clean)
    {
        HwmonParser.CleanName(raw).Should().Be(clean);
    }

    [Fact]
    public void Temperature_properties_become_celsius_families()
    {
        var samples = HwmonParser.Samples("temp1", new Dictionary<string, string>
        {
            ["input"] = "55000", ["max"] = "100000", ["crit_alarm"] = "0", ["label"] = "Package id 0", ["type"] = "3",
        }).ToList();

        samples.Should().BeEquivalentTo(new[]
        {
            new HwmonSample("node_hwmon_temp_crit_alarm_celsius", "Hardware monitor for temperature (crit_alarm)", MetricType.Gauge, "temp1", 0),
            new HwmonSample("node_hwmon_temp_celsius", "Hardware monitor for temperature (input)", MetricType.Gauge, "temp1", 55),
            new HwmonSample("node_hwmon_temp_max_celsius", "Hardware monitor for temperature (max)", MetricType.Gauge, "temp1", 100),
            new HwmonSample("node_hwmon_temp_type", "Hardware monitor temp element type", MetricType.Gauge, "temp1", 3),
        });
    }

    [Fact]
    public void Units_follow_the_sensor_type()
    {
        Single("in0", "input", "1250").Should().Be(new HwmonSample("node_hwmon_in_volts", "Hardware monitor for voltage (input)", MetricType.Gauge, "in0", 1.25));
        Single("fan1", "input", "1187").Metric.Should().Be("node_hwmon_fan_rpm");
        Single("fan1", "alarm", "1").Metric.Should().Be("node_hwmon_fan_alarm");
        Single("fan1", "beep", "0").Metric.Should().Be("node_hwmon_fan_beep_enabled");
        Single("curr1", "input", "1500").Value.Should().Be(1.5);
        Single("power1", "average", "345000000").Should().Be(new HwmonSample("node_hwmon_power_average_watt", "Hardware monitor for power usage in watts (average)", MetricType.Gauge, "power1", 345));
        Single("energy1", "input", "2000000").Should().Be(new HwmonSample("node_hwmon_energy_joule_total", "Hardware monitor for joules used so far (input)", MetricType.Counter, "energy1", 2));
        Single("vrm0", string.Empty, "10.0").Metric.Should().Be("node_hwmon_voltage_regulator_version");
        Single("update_interval0", string.Empty, "2000").Value.Should().Be(2);
        Single("beep_enable0", string.Empty, "1").Value.Should().Be(1);
    }

    [Fact]
    public void A_bare_value_file_makes_input_a_separate_family()
    {
        var samples = HwmonParser.Samples("temp1", new Dictionary<string, string> { [string.Empty] = "40000", ["input"] = "41000" }).ToList();
        samples.Select(s => (s.Metric, s.Value)).Should().Equal(("node_hwmon_temp_celsius", 40d), ("node_hwmon_temp_input_celsius", 41d));
    }

    [Fact]
    public void Values_that_are_not_numbers_are_skipped()
    {
        HwmonParser.Samples("temp1", new Dictionary<string, string> { ["input"] = "N/A", ["max"] = "" }).Should().BeEmpty();
        HwmonParser.Samples("vrm0", new Dictionary<string, string> { [string.Empty] = "garbage" }).Should().BeEmpty();
    }

    private static HwmonSample Single(string sensor, string property, string value) =>
        HwmonParser.Samples(sensor, new Dictionary<string, string> { [property] = value }).Should().ContainSingle().Subject;
}
