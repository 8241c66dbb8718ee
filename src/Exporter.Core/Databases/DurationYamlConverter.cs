using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Exporter.Core.Databases;

/// <summary>
/// Durations in the YAML file as the flags take them (Go style, one unit: <c>500ms</c>, <c>2s</c>,
/// <c>1m</c>), or as .NET writes them (<c>00:00:02</c>).
/// </summary>
internal sealed class DurationYamlConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(TimeSpan) || type == typeof(TimeSpan?);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        var scalar = parser.Consume<Scalar>();
        return TryParse(scalar.Value, out var duration)
            ? duration
            : throw new YamlException(scalar.Start, scalar.End, "not a duration such as 2s or 500ms");
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        emitter.Emit(new Scalar(((TimeSpan?)value)?.ToString("c", CultureInfo.InvariantCulture) ?? string.Empty));

    internal static bool TryParse(string text, out TimeSpan duration)
    {
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && text.Contains(':', StringComparison.Ordinal))
        {
            return true;
        }

        var (number, scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ => (string.Empty, 0.0),
        };
        var ok = double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0;
        duration = ok ? TimeSpan.FromSeconds(value * scale) : default;
        return ok;
    }
}
