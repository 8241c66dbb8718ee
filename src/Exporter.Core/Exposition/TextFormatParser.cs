using System.Globalization;
using System.Text;

namespace Exporter.Core.Exposition;

/// <summary>
/// A strict parser of the Prometheus text exposition format 0.0.4
/// (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format). As in the
/// reference parser, a <c>_bucket</c>, <c>_sum</c> or <c>_count</c> sample belongs to the histogram
/// or summary family its name starts with when that family's TYPE line came first; its le or
/// quantile label becomes <see cref="TextSample.Bound"/>. Everything malformed is a
/// <see cref="FormatException"/> naming the line; sizes are bounded so hostile input costs little.
/// </summary>
public static class TextFormatParser
{
    /// <summary>Longest line accepted, in characters.</summary>
    public const int MaxLineLength = 64 * 1024;

    /// <summary>Most labels accepted on one sample.</summary>
    public const int MaxLabels = 128;

    private static readonly string[] PartSuffixes = ["_bucket", "_sum", "_count"];

    /// <summary>Parses a whole exposition; families in the order they first appear.</summary>
    public static IReadOnlyList<TextFamily> Parse(string text)
    {
        var families = new Dictionary<string, FamilyBuilder>(StringComparer.Ordinal);
        var order = new List<FamilyBuilder>();
        var rest = text.AsSpan();
        for (var lineNumber = 1; !rest.IsEmpty; lineNumber++)
        {
            // Lines end with \n only (a label value may hold other separators, such as U+2028); a
            // \r before it is dropped so files written on Windows parse too.
            var end = rest.IndexOf('\n');
            var rawLine = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (rawLine.EndsWith('\r'))
            {
                rawLine = rawLine[..^1];
            }

            if (rawLine.Length > MaxLineLength)
            {
                throw Error(lineNumber, $"line longer than {MaxLineLength} characters");
            }

            var line = new Cursor(rawLine, lineNumber);
            line.SkipBlanks();
            if (line.AtEnd)
            {
                continue;
            }

            if (line.Peek == '#')
            {
                ParseComment(ref line, families, order);
            }
            else
            {
                ParseSample(ref line, families, order);
            }
        }

        return [.. order.Select(f => f.Build())];
    }

    private static void ParseComment(ref Cursor line, Dictionary<string, FamilyBuilder> families, List<FamilyBuilder> order)
    {
        line.Advance();
        line.SkipBlanks();
        var keyword = line.ReadUntilBlank();
        var isHelp = keyword.SequenceEqual("HELP");
        if (!isHelp && !keyword.SequenceEqual("TYPE"))
        {
            return; // Any other comment is ignored.
        }

        line.SkipBlanks();
        var name = line.ReadMetricName();
        var family = Family(name, families, order);
        if (isHelp)
        {
            if (family.Help is not null)
            {
                throw Error(line.Number, $"second HELP line for {name}");
            }

            // One blank separates the name from the text; the text keeps any further blanks.
            if (!line.AtEnd)
            {
                line.ExpectBlank();
                line.SkipBlanks();
            }

            family.Help = line.ReadEscaped(quoted: false);
            return;
        }

        if (family.TypeSeen || family.Samples.Count > 0)
        {
            throw Error(line.Number, $"TYPE line for {name} after its samples or another TYPE line");
        }

        line.ExpectBlank();
        line.SkipBlanks();
        var type = line.ReadUntilBlank().ToString();
        line.SkipBlanks();
        if (!line.AtEnd)
        {
            throw Error(line.Number, $"unexpected text after the type of {name}");
        }

        family.TypeSeen = true;
        family.Type = type.ToUpperInvariant() switch
        {
            "COUNTER" => MetricType.Counter,
            "GAUGE" => MetricType.Gauge,
            "UNTYPED" => MetricType.Untyped,
            "HISTOGRAM" => MetricType.Histogram,
            "SUMMARY" => MetricType.Summary,
            _ => throw Error(line.Number, $"unknown metric type '{Shorten(type)}' for {name}"),
        };
    }

    private static void ParseSample(ref Cursor line, Dictionary<string, FamilyBuilder> families, List<FamilyBuilder> order)
    {
        var name = line.ReadMetricName();
        var blank = line.SkipBlanks();
        var labels = new List<KeyValuePair<string, string>>();
        if (!line.AtEnd && line.Peek == '{')
        {
            line.Advance();
            ReadLabels(ref line, name, labels);
            blank = line.SkipBlanks();
        }

        if (!blank)
        {
            line.ExpectBlank();
        }

        var value = ParseValue(line.ReadUntilBlank(), line.Number);
        line.SkipBlanks();
        long? timestamp = null;
        if (!line.AtEnd)
        {
            var token = line.ReadUntilBlank();
            timestamp = long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
                ? ms
                : throw Error(line.Number, $"'{Shorten(token.ToString())}' is not a timestamp");
            line.SkipBlanks();
            if (!line.AtEnd)
            {
                throw Error(line.Number, "unexpected text after the timestamp");
            }
        }

        var (family, suffix) = Owner(name, families, order);
        var bound = TakeBound(family, suffix, name, labels, line.Number);
        var sample = new TextSample(labels, value, timestamp, suffix, bound);
        if (!family.SeriesKeys.Add(SeriesKey(sample)))
        {
            throw Error(line.Number, $"duplicate series {name}{{{string.Join(',', labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}}");
        }

        family.Samples.Add(sample);
    }

    /// <summary>The family a sample name belongs to, and the part of it the sample is.</summary>
    private static (FamilyBuilder Family, string Suffix) Owner(string name, Dictionary<string, FamilyBuilder> families, List<FamilyBuilder> order)
    {
        foreach (var suffix in PartSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal)
                && families.TryGetValue(name[..^suffix.Length], out var whole)
                && (whole.Type == MetricType.Histogram || (whole.Type == MetricType.Summary && suffix != "_bucket")))
            {
                return (whole, suffix);
            }
        }

        return (Family(name, families, order), string.Empty);
    }

    /// <summary>Removes and parses the le label of a bucket or the quantile label of a quantile; null for other samples.</summary>
    private static double? TakeBound(FamilyBuilder family, string suffix, string name, List<KeyValuePair<string, string>> labels, int lineNumber)
    {
        var boundLabel = (family.Type, suffix) switch
        {
            (MetricType.Histogram, "_bucket") => "le",
            (MetricType.Summary, "") => "quantile",
            (MetricType.Histogram, "") => throw Error(lineNumber, $"{name} is a histogram: its samples are {name}_bucket, {name}_sum and {name}_count"),
            _ => null,
        };
        if (boundLabel is null)
        {
            return null;
        }

        var index = labels.FindIndex(l => l.Key == boundLabel);
        if (index < 0)
        {
            throw Error(lineNumber, $"{name} has no {boundLabel} label");
        }

        var bound = ParseValue(labels[index].Value, lineNumber);
        labels.RemoveAt(index);
        return bound;
    }

    private static void ReadLabels(ref Cursor line, string metric, List<KeyValuePair<string, string>> labels)
    {
        while (true)
        {
            line.SkipBlanks();
            if (line.AtEnd)
            {
                throw Error(line.Number, $"unterminated label set of {metric}");
            }

            if (line.Peek == '}')
            {
                line.Advance();
                return;
            }

            var name = line.ReadLabelName();
            if (labels.Count == MaxLabels)
            {
                throw Error(line.Number, $"{metric} has more than {MaxLabels} labels");
            }

            if (labels.Exists(l => l.Key == name))
            {
                throw Error(line.Number, $"duplicate label {name} on {metric}");
            }

            line.SkipBlanks();
            line.Expect('=', $"'=' after label {name}");
            line.SkipBlanks();
            line.Expect('"', $"'\"' to open the value of label {name}");
            labels.Add(new(name, line.ReadEscaped(quoted: true)));
            line.SkipBlanks();
            if (!line.AtEnd && line.Peek == ',')
            {
                line.Advance();
            }
            else if (line.AtEnd || line.Peek != '}')
            {
                throw Error(line.Number, $"expected ',' or '}}' after label {name}");
            }
        }
    }

    // Go's strconv.ParseFloat, which the reference parser uses, accepts NaN and Inf in any case
    // and with an optional sign; .NET's invariant culture spells infinity "Infinity", so map them.
    private static double ParseValue(ReadOnlySpan<char> token, int lineNumber)
    {
        var unsigned = token.Length > 0 && (token[0] == '+' || token[0] == '-') ? token[1..] : token;
        if (unsigned.Equals("Inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("Infinity", StringComparison.OrdinalIgnoreCase))
        {
            return token[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (unsigned.Equals("NaN", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }

        return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(lineNumber, token.IsEmpty ? "missing value" : $"'{Shorten(token.ToString())}' is not a number");
    }

    private static FamilyBuilder Family(string name, Dictionary<string, FamilyBuilder> families, List<FamilyBuilder> order)
    {
        if (!families.TryGetValue(name, out var family))
        {
            family = new FamilyBuilder(name);
            families.Add(name, family);
            order.Add(family);
        }

        return family;
    }

    /// <summary>
    /// Identifies a series within a family: its part and bound, then its labels by name, leaving out
    /// empty values, which Prometheus treats as absent (foo{a=""} and foo are the same series).
    /// </summary>
    internal static string SeriesKey(TextSample sample)
    {
        var key = new StringBuilder(sample.Suffix).Append('\xff');
        if (sample.Bound is { } bound)
        {
            key.Append(bound.ToString("R", CultureInfo.InvariantCulture));
        }

        key.Append('\xff');
        foreach (var label in sample.Labels.Where(l => l.Value.Length > 0).OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            key.Append(label.Key).Append('\xff').Append(label.Value).Append('\xff');
        }

        return key.ToString();
    }

    private static FormatException Error(int lineNumber, string message) => new($"text format line {lineNumber}: {message}");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    private sealed class FamilyBuilder(string name)
    {
        public string? Help { get; set; }

        public MetricType Type { get; set; } = MetricType.Untyped;

        public bool TypeSeen { get; set; }

        public List<TextSample> Samples { get; } = [];

        public HashSet<string> SeriesKeys { get; } = new(StringComparer.Ordinal);

        public TextFamily Build() => new(name, Help, Type, Samples);
    }

    /// <summary>A position in one line; blanks are spaces and tabs, as in the format's grammar.</summary>
    private ref struct Cursor(ReadOnlySpan<char> line, int number)
    {
        private readonly ReadOnlySpan<char> _line = line;
        private int _position;

        public readonly int Number { get; } = number;

        public readonly bool AtEnd => _position >= _line.Length;

        public readonly char Peek => _line[_position];

        public void Advance() => _position++;

        /// <summary>Skips spaces and tabs; true when there was at least one.</summary>
        public bool SkipBlanks()
        {
            var start = _position;
            while (!AtEnd && IsBlank(Peek))
            {
                _position++;
            }

            return _position > start;
        }

        public void ExpectBlank()
        {
            if (AtEnd || !IsBlank(Peek))
            {
                throw Error(Number, AtEnd ? "unexpected end of line" : $"unexpected '{Peek}'");
            }
        }

        public void Expect(char c, string what)
        {
            if (AtEnd || Peek != c)
            {
                throw Error(Number, $"expected {what}");
            }

            _position++;
        }

        public ReadOnlySpan<char> ReadUntilBlank()
        {
            var start = _position;
            while (!AtEnd && !IsBlank(Peek))
            {
                _position++;
            }

            return _line[start.._position];
        }

        /// <summary>[a-zA-Z_:][a-zA-Z0-9_:]*</summary>
        public string ReadMetricName()
        {
            var start = _position;
            while (!AtEnd && (char.IsAsciiLetter(Peek) || Peek is '_' or ':' || (_position > start && char.IsAsciiDigit(Peek))))
            {
                _position++;
            }

            return _position > start ? _line[start.._position].ToString() : throw Error(Number, "expected a metric name");
        }

        /// <summary>[a-zA-Z_][a-zA-Z0-9_]*; names starting with __ are reserved for Prometheus.</summary>
        public string ReadLabelName()
        {
            var start = _position;
            while (!AtEnd && (char.IsAsciiLetter(Peek) || Peek == '_' || (_position > start && char.IsAsciiDigit(Peek))))
            {
                _position++;
            }

            var name = _line[start.._position];
            if (name.IsEmpty)
            {
                throw Error(Number, "expected a label name");
            }

            return name.StartsWith("__") ? throw Error(Number, $"label name {name} is reserved") : name.ToString();
        }

        /// <summary>
        /// HELP text (to the end of the line) or a quoted label value (to the closing quote, which is
        /// consumed). Escapes: \\ and \n, and \" in label values; any other escape is an error.
        /// </summary>
        public string ReadEscaped(bool quoted)
        {
            var text = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    return quoted ? throw Error(Number, "unterminated label value") : text.ToString();
                }

                var c = _line[_position++];
                if (quoted && c == '"')
                {
                    return text.ToString();
                }

                if (c != '\\')
                {
                    text.Append(c);
                    continue;
                }

                var escaped = AtEnd ? '\0' : _line[_position++];
                text.Append(escaped switch
                {
                    '\\' => '\\',
                    'n' => '\n',
                    '"' when quoted => '"',
                    _ => throw Error(Number, $"invalid escape sequence '\\{(escaped == '\0' ? string.Empty : escaped)}'"),
                });
            }
        }

        private static bool IsBlank(char c) => c is ' ' or '\t';
    }
}
