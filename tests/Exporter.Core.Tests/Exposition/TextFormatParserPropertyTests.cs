using System.Globalization;
using System.Text;
using CsCheck;
using Exporter.Core.Exposition;
using static Exporter.Core.Tests.ParserProperties;

namespace Exporter.Core.Tests.Exposition;

/// <summary>
/// Properties of the text format parser (see <see cref="ParserProperties"/>): any text is parsed or
/// rejected with a <see cref="FormatException"/>; generated families, written as the format's
/// specification says (escapes, NaN and ±Inf, timestamps, histogram and summary parts), parse back
/// to themselves.
/// </summary>
public sealed class TextFormatParserPropertyTests
{
    private static readonly MetricType[] Types = [MetricType.Counter, MetricType.Gauge, MetricType.Untyped, MetricType.Histogram, MetricType.Summary];

    private static readonly Gen<double> Value = Gen.Frequency(
        (8, Gen.Double.Where(double.IsFinite)), (2, Gen.Int[-1000, 1000].Select(i => (double)i)),
        (1, Gen.Const(double.NaN)), (1, Gen.Const(double.PositiveInfinity)), (1, Gen.Const(double.NegativeInfinity)));

    // Label values and help texts hold anything: quotes, backslashes, newlines, other scripts.
    private static readonly Gen<string> Text = Gen.Char["ab \"\\\n\t{}=,#\u00e9\u2028\u4e2d"].Array[0, 12].Select(c => new string(c));

    private static readonly Gen<KeyValuePair<string, string>[]> Labels =
        Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"].Array[1, 6].Select(c => "x_" + new string(c)), Text)
            .Array[0, 4].Select(labels => labels.DistinctBy(l => l.Item1).Select(l => new KeyValuePair<string, string>(l.Item1, l.Item2)).ToArray());

    private static readonly Gen<long?> Timestamp = Gen.Frequency((3, Gen.Const((long?)null)), (1, Gen.Long.Select(t => (long?)t)));

    private static readonly Gen<TextFamily[]> Families = Gen.Int[0, 6].SelectMany(count => Gen.Select(
        Gen.OneOf(Types).Array[count],
        Gen.Frequency((1, Gen.Const((string?)null)), (3, Text.Select(t => (string?)t.TrimStart(' ', '\t')))).Array[count],
        Gen.Char["abcdefghijklmnopqrstuvwxyz:"].Array[1, 8].Select(c => new string(c)).Array[count],
        Gen.Select(Labels, Value, Timestamp).Array[0, 4].Array[count],
        Gen.Double[0, 1].Array[1, 4].Array[count],
        (types, helps, names, series, bounds) => types.Select((type, i) => Family($"f{i}_{names[i]}", helps[i], type, series[i], bounds[i])).ToArray()));

    /// <summary>A family whose series are told apart by an "id" label; histograms and summaries get their parts.</summary>
    private static TextFamily Family(string name, string? help, MetricType type, (KeyValuePair<string, string>[] Labels, double Value, long? Timestamp)[] series, double[] bounds)
    {
        var samples = new List<TextSample>();
        for (var i = 0; i < series.Length; i++)
        {
            var (labels, value, timestamp) = series[i];
            KeyValuePair<string, string>[] withId = [new("id", Invariant(i)), .. labels];
            switch (type)
            {
                case MetricType.Histogram:
                    // le bounds ascending, ending with +Inf.
                    foreach (var le in bounds.Distinct().Order().Append(double.PositiveInfinity))
                    {
                        samples.Add(new TextSample(withId, Math.Abs(value), timestamp, "_bucket", le));
                    }

                    samples.Add(new TextSample(withId, value, timestamp, "_sum"));
                    samples.Add(new TextSample(withId, bounds.Length, timestamp, "_count"));
                    break;
                case MetricType.Summary:
                    foreach (var quantile in bounds.Distinct())
                    {
                        samples.Add(new TextSample(withId, value, timestamp, string.Empty, quantile));
                    }

                    samples.Add(new TextSample(withId, value, timestamp, "_sum"));
                    samples.Add(new TextSample(withId, 1, timestamp, "_count"));
                    break;
                default:
                    samples.Add(new TextSample(withId, value, timestamp));
                    break;
            }
        }

        return new TextFamily(name, help, type, samples);
    }

    private static string Render(TextFamily[] families)
    {
        var text = new StringBuilder();
        foreach (var family in families)
        {
            if (family.Help is { } help)
            {
                text.Append("# HELP ").Append(family.Name).Append(' ').Append(help.Replace("\\", "\\\\").Replace("\n", "\\n")).Append('\n');
            }

            text.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Type.ToString().ToLowerInvariant()).Append('\n');
            foreach (var sample in family.Samples)
            {
                var labels = sample.Labels.Select(l => (l.Key, l.Value)).ToList();
                if (sample.Bound is { } bound)
                {
                    labels.Add((sample.Suffix == "_bucket" ? "le" : "quantile", Number(bound)));
                }

                text.Append(family.Name).Append(sample.Suffix).Append('{')
                    .AppendJoin(',', labels.Select(l => $"{l.Key}=\"{l.Value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n")}\""))
                    .Append("} ").Append(Number(sample.Value));
                if (sample.TimestampMs is { } timestamp)
                {
                    text.Append(' ').Append(timestamp.ToString(CultureInfo.InvariantCulture));
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ => Invariant(value),
    };

    [Fact]
    public void Generated_families_round_trip() =>
        Families.Sample(families =>
        {
            var parsed = TextFormatParser.Parse(Render(families));

            parsed.Select(Describe).Should().Equal(families.Select(Describe));
        });

    [Fact]
    public void Any_text_is_parsed_or_rejected_with_a_format_exception() =>
        OnlyFormatException(TextFormatParser.Parse, Families.Select(Render), " \t\n\n0123456789abcxyz_:{}=,\"\\#.+-eEInfNa\r\u00e9\0");

    // Records hold lists: compared through a text that shows every field (NaN equals NaN there).
    private static string Describe(TextFamily family) =>
        $"{family.Name}|{family.Help ?? "(none)"}|{family.Type}|" + string.Join(';', family.Samples.Select(s =>
            $"{s.Suffix}|{(s.Bound is { } b ? Number(b) : "-")}|{string.Join(',', s.Labels.Select(l => $"{l.Key}={l.Value}"))}|{Number(s.Value)}|{s.TimestampMs}"));
}
