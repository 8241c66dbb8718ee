using System.Globalization;
using System.Text;

namespace Exporter.TestSupport.Exposition;

/// <summary>
/// A small, strict parser of the Prometheus text format 0.0.4 and OpenMetrics 1.0.0 text, for tests:
/// families with their TYPE and HELP, samples with labels and values. Throws
/// <see cref="FormatException"/> with the line number on anything a scraper would reject or warn
/// about: malformed lines, a TYPE after its samples, a family split in two, a duplicate series,
/// text after "# EOF". Timestamps and exemplars are accepted and dropped.
/// </summary>
public static class ExpositionParser
{
    // Sample names a family may carry besides its own (histogram, summary, counter, info parts).
    private static readonly string[] Suffixes = ["_total", "_created", "_count", "_sum", "_bucket", "_info", "_gcount", "_gsum"];

    public static ParsedExposition Parse(string text)
    {
        var families = new List<ParsedFamily>();
        var byName = new Dictionary<string, ParsedFamily>(StringComparer.Ordinal);
        var series = new HashSet<string>(StringComparer.Ordinal);
        ParsedFamily? current = null;
        var eof = false;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var lineNo = i + 1;
            if (eof && (line.Length > 0 || i != lines.Length - 1))
            {
                throw Error(lineNo, "text after # EOF");
            }

            if (line.Length == 0)
            {
                continue;
            }

            if (line == "# EOF")
            {
                eof = true;
                continue;
            }

            if (line.StartsWith('#'))
            {
                var parts = line.Split(' ', 4);
                if (parts.Length < 3 || parts[0] != "#" || parts[1] is not ("HELP" or "TYPE" or "UNIT"))
                {
                    continue; // a plain comment
                }

                var family = Family(parts[2], lineNo);
                var rest = parts.Length > 3 ? parts[3] : string.Empty;
                switch (parts[1])
                {
                    case "HELP" when family.Help is not null:
                        throw Error(lineNo, $"second HELP for {family.Name}");
                    case "HELP":
                        family.Help = rest;
                        break;
                    case "TYPE" when family.Samples.Count > 0 || family.Type != "untyped":
                        throw Error(lineNo, $"TYPE for {family.Name} after its samples or a second time");
                    case "TYPE" when rest is not ("counter" or "gauge" or "untyped" or "unknown" or "info" or "histogram" or "summary" or "stateset" or "gaugehistogram"):
                        throw Error(lineNo, $"unknown type '{rest}'");
                    case "TYPE":
                        family.Type = rest;
                        break;
                }

                continue;
            }

            var sample = ParseSample(line, lineNo);
            if (!series.Add(sample.SeriesKey))
            {
                throw Error(lineNo, $"duplicate series {sample.SeriesKey}");
            }

            var owner = current is not null && BelongsTo(sample.Name, current) ? current : Family(sample.Name, lineNo);
            owner.Samples.Add(sample);
        }

        return new ParsedExposition(families, eof);

        ParsedFamily Family(string name, int lineNo)
        {
            if (current?.Name == name)
            {
                return current;
            }

            if (byName.ContainsKey(name))
            {
                throw Error(lineNo, $"family {name} is split: it appears again after other families");
            }

            current = new ParsedFamily(name, "untyped", null);
            byName.Add(name, current);
            families.Add(current);
            return current;
        }
    }

    private static bool BelongsTo(string sampleName, ParsedFamily family) =>
        sampleName == family.Name
        || (family.Type != "untyped" && sampleName.StartsWith(family.Name, StringComparison.Ordinal)
            && Suffixes.Contains(sampleName[family.Name.Length..], StringComparer.Ordinal));

    private static ParsedSample ParseSample(string line, int lineNo)
    {
        var pos = 0;
        var name = ReadName(line, ref pos, metric: true) ?? throw Error(lineNo, $"no metric name in '{line}'");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (pos < line.Length && line[pos] == '{')
        {
            pos++;
            while (pos < line.Length && line[pos] != '}')
            {
                var label = ReadName(line, ref pos, metric: false) ?? throw Error(lineNo, $"bad label name in '{line}'");
                if (pos + 1 >= line.Length || line[pos] != '=' || line[pos + 1] != '"')
                {
                    throw Error(lineNo, $"expected =\" after label {label} in '{line}'");
                }

                pos += 2;
                var value = ReadLabelValue(line, ref pos, lineNo);
                if (!labels.TryAdd(label, value))
                {
                    throw Error(lineNo, $"label {label} twice in '{line}'");
                }

                if (pos < line.Length && line[pos] == ',')
                {
                    pos++;
                }
                else if (pos >= line.Length || line[pos] != '}')
                {
                    throw Error(lineNo, $"expected , or }} in '{line}'");
                }
            }

            if (pos >= line.Length)
            {
                throw Error(lineNo, $"unterminated label set in '{line}'");
            }

            pos++;
        }

        if (pos >= line.Length || line[pos] != ' ')
        {
            throw Error(lineNo, $"expected a space before the value in '{line}'");
        }

        // value [timestamp] [# exemplar]
        var fields = line[(pos + 1)..].Split(" # ", 2)[0].Split(' ');
        if (fields.Length > 2 || !TryParseValue(fields[0], out var number))
        {
            throw Error(lineNo, $"bad value in '{line}'");
        }

        if (fields.Length == 2 && !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw Error(lineNo, $"bad timestamp in '{line}'");
        }

        return new ParsedSample(name, labels, number);
    }

    private static string? ReadName(string line, ref int pos, bool metric)
    {
        var start = pos;
        while (pos < line.Length && (char.IsAsciiLetter(line[pos]) || line[pos] == '_' || (metric && line[pos] == ':') || (pos > start && char.IsAsciiDigit(line[pos]))))
        {
            pos++;
        }

        return pos > start ? line[start..pos] : null;
    }

    private static string ReadLabelValue(string line, ref int pos, int lineNo)
    {
        var value = new StringBuilder();
        while (pos < line.Length && line[pos] != '"')
        {
            if (line[pos] == '\\')
            {
                value.Append(pos + 1 < line.Length ? line[pos + 1] switch
                {
                    '\\' => '\\',
                    '"' => '"',
                    'n' => '\n',
                    var c => throw Error(lineNo, $"bad escape \\{c} in '{line}'"),
                }
                : throw Error(lineNo, $"dangling backslash in '{line}'"));
                pos += 2;
            }
            else
            {
                value.Append(line[pos++]);
            }
        }

        if (pos >= line.Length)
        {
            throw Error(lineNo, $"unterminated label value in '{line}'");
        }

        pos++;
        return value.ToString();
    }

    private static bool TryParseValue(string text, out double value)
    {
        switch (text)
        {
            case "NaN":
                value = double.NaN;
                return true;
            case "+Inf" or "Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
        }
    }

    private static FormatException Error(int line, string message) => new($"exposition line {line}: {message}");
}
