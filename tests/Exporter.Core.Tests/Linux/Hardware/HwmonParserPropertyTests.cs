using CsCheck;
using Exporter.Core.Linux;
using static Exporter.Core.Tests.ParserProperties;

namespace Exporter.Core.Tests.Linux;

/// <summary>Properties of the hwmon file-name rules (see <see cref="ParserProperties"/>): total, and round trip.</summary>
public sealed class HwmonParserPropertyTests
{
    private static readonly string[] Types = ["in", "cpu", "fan", "pwm", "temp", "curr", "power", "energy", "humidity", "intrusion"];

    private static readonly Gen<(string Type, int Number, string? Property)> Files =
        Gen.Select(Gen.OneOf(Types), Gen.Int[0, 99], Gen.OneOf(Gen.Const((string?)null), Gen.OneOf("input", "max", "crit_alarm", "label", "average_interval").Select(p => (string?)p)));

    [Fact]
    public void File_names_round_trip() =>
        Files.Sample(f =>
        {
            var name = $"{f.Type}{f.Number}{(f.Property is null ? string.Empty : "_" + f.Property)}";

            HwmonParser.TryParseFileName(name, out var sensor, out var property).Should().BeTrue(name);
            (sensor, property).Should().Be(($"{f.Type}{f.Number}", f.Property ?? string.Empty));
        });

    [Fact]
    public void File_names_and_clean_names_never_throw() =>
        Hostile(Files.Select(f => $"{f.Type}{f.Number}_{f.Property}")).Sample(name =>
        {
            _ = HwmonParser.TryParseFileName(name, out _, out _);
            HwmonParser.CleanName(name).Should().MatchRegex("^([a-z0-9:_]*[a-z0-9:])?$").And.NotStartWith("_");
        }, iter: Iterations);

    [Fact]
    public void Samples_of_any_values_never_throw() =>
        Gen.Select(Files, Gen.String[0, 12]).Sample((file, value) =>
        {
            var sensor = $"{file.Type}{file.Number}";
            var samples = HwmonParser.Samples(sensor, new Dictionary<string, string> { [file.Property ?? string.Empty] = value }).ToList();
            samples.Where(s => s.Sensor != sensor || !s.Metric.StartsWith("node_hwmon_" + file.Type, StringComparison.Ordinal)).Should().BeEmpty();
        }, iter: Iterations);
}
