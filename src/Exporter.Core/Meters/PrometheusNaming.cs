using System.Globalization;
using System.Text;

namespace Exporter.Core.Meters;

/// <summary>
/// Instrument, unit and attribute names to Prometheus names, as the OpenTelemetry specification's
/// "Prometheus and OpenMetrics Compatibility" lays down (metric names, unit suffixes, counter
/// suffixes, attribute keys). Pure functions.
/// </summary>
internal static class PrometheusNaming
{
    // "Metric Metadata / Unit": UCUM units to Prometheus' full words.
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["d"] = "days", ["h"] = "hours", ["min"] = "minutes", ["s"] = "seconds",
        ["ms"] = "milliseconds", ["us"] = "microseconds", ["ns"] = "nanoseconds",
        ["By"] = "bytes", ["KiBy"] = "kibibytes", ["MiBy"] = "mebibytes", ["GiBy"] = "gibibytes",
        ["TiBy"] = "tibibytes", ["KBy"] = "kilobytes", ["MBy"] = "megabytes", ["GBy"] = "gigabytes",
        ["TBy"] = "terabytes", ["m"] = "meters", ["V"] = "volts", ["A"] = "amperes", ["J"] = "joules",
        ["W"] = "watts", ["g"] = "grams", ["Cel"] = "celsius", ["Hz"] = "hertz", ["%"] = "percent",
        ["1"] = string.Empty,
    };

    // The "per" part of a rate unit is singular: By/s -> bytes_per_second.
    private static readonly Dictionary<string, string> PerUnits = new(StringComparer.Ordinal)
    {
        ["s"] = "second", ["m"] = "meter", ["min"] = "minute", ["h"] = "hour", ["d"] = "day",
        ["w"] = "week", ["mo"] = "month", ["y"] = "year",
    };

    /// <summary>The family name of an instrument (for a counter, the sample name, ending in _total).</summary>
    public static string MetricName(string meterName, string instrumentName, string? unit, bool monotonic, MetricNameTranslation translation)
    {
        switch (translation)
        {
            case MetricNameTranslation.PrometheusNetCompatible:
                return PrometheusNetName(meterName + "_" + instrumentName);
            case MetricNameTranslation.UnderscoreEscapingWithoutSuffixes:
                return Escape(instrumentName, allowColon: true);
        }

        var name = Escape(instrumentName, allowColon: true);
        if (monotonic && name.EndsWith("_total", StringComparison.Ordinal))
        {
            // The unit goes before _total (a counter "x_total" in seconds is x_seconds_total).
            name = name[..^6];
        }

        var suffix = UnitSuffix(unit);
        if (suffix.Length > 0 && !name.EndsWith("_" + suffix, StringComparison.Ordinal) && name != suffix)
        {
            name = Escape(name + "_" + suffix, allowColon: true);
        }

        return monotonic ? name + "_total" : name;
    }

    /// <summary>A label name from an attribute key: like a metric name, without colons.</summary>
    public static string LabelName(string key, MetricNameTranslation translation) =>
        translation == MetricNameTranslation.PrometheusNetCompatible ? PrometheusNetName(key) : Escape(key, allowColon: false);

    /// <summary>
    /// The suffix for a UCUM unit: annotations in braces dropped ({request} is no unit), known units
    /// spelled out, a/b as a_per_b, unknown units escaped; empty for none.
    /// </summary>
    public static string UnitSuffix(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return string.Empty;
        }

        var bare = DropAnnotations(unit).Trim();
        if (bare.Length == 0)
        {
            return string.Empty;
        }

        var slash = bare.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return Word(bare, Units);
        }

        var per = Word(bare[(slash + 1)..].Trim(), PerUnits);
        var of = Word(bare[..slash].Trim(), Units);
        return per.Length == 0 ? of : of.Length == 0 ? "per_" + per : of + "_per_" + per;
    }

    /// <summary>
    /// Every character outside [a-zA-Z0-9_] (and ':' in metric names) becomes '_', runs of '_'
    /// collapse into one, and a leading digit gets a '_' in front. Case is kept.
    /// </summary>
    public static string Escape(string name, bool allowColon)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            var valid = char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');
            var next = valid ? c : '_';
            if (next == '_' && builder.Length > 0 && builder[^1] == '_')
            {
                continue;
            }

            builder.Append(next);
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>A label value: strings as they are, booleans as true/false, numbers in invariant culture.</summary>
    public static string LabelValue(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    // prometheus-net's rule: lower case, each character outside [a-z0-9_] becomes '_' (no
    // collapsing), '_' in front of a name that does not start with a letter or '_'.
    private static string PrometheusNetName(string name)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (var raw in name)
        {
            var c = char.ToLowerInvariant(raw);
            if (builder.Length == 0 && !(char.IsAsciiLetterLower(c) || c == '_'))
            {
                builder.Append('_');
            }

            builder.Append(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_' ? c : '_');
        }

        return builder.Length == 0 ? "_" : builder.ToString();
    }

    private static string Word(string unit, Dictionary<string, string> words) =>
        unit.Length == 0 ? string.Empty
        : words.TryGetValue(unit, out var word) ? word
        : Escape(unit, allowColon: false).Trim('_');

    private static string DropAnnotations(string unit)
    {
        var builder = new StringBuilder(unit.Length);
        var depth = 0;
        foreach (var c in unit)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
