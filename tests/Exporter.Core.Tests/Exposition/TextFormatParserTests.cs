using Exporter.Core.Exposition;

namespace Exporter.Core.Tests.Exposition;

public sealed class TextFormatParserTests
{
    [Fact]
    public void Parses_help_type_labels_and_values()
    {
        var families = TextFormatParser.Parse("""
            # A comment, then a blank line.

            # HELP jobs_total Jobs done,\nper job; a \\ backslash.
            # TYPE jobs_total counter
            jobs_total{job="backup",host="a"} 42
            jobs_total { job = "rotate" , } 7 1700000000000
            # TYPE temp GAUGE
            temp -1.5e3
            	plain_value:sub 3
            """);

        families.Select(f => f.Name).Should().Equal("jobs_total", "temp", "plain_value:sub");
        var jobs = families[0];
        jobs.Help.Should().Be("Jobs done,\nper job; a \\ backslash.");
        jobs.Type.Should().Be(MetricType.Counter);
        jobs.Samples[0].Labels.Select(l => $"{l.Key}={l.Value}").Should().Equal("job=backup", "host=a");
        jobs.Samples[0].Value.Should().Be(42);
        jobs.Samples[0].TimestampMs.Should().BeNull();
        jobs.Samples[1].Labels.Select(l => $"{l.Key}={l.Value}").Should().Equal("job=rotate");
        jobs.Samples[1].TimestampMs.Should().Be(1700000000000);
        families[1].Type.Should().Be(MetricType.Gauge);
        families[1].Help.Should().BeNull();
        families[1].Samples[0].Value.Should().Be(-1500);
        families[2].Type.Should().Be(MetricType.Untyped);
    }

    [Fact]
    public void Reads_histograms_and_summaries_as_one_family_each()
    {
        var families = TextFormatParser.Parse("""
            # HELP req_seconds Request time.
            # TYPE req_seconds histogram
            req_seconds_bucket{path="/",le="0.1"} 2
            req_seconds_bucket{le="+Inf",path="/"} 5
            req_seconds_sum{path="/"} 1.5
            req_seconds_count{path="/"} 5
            # TYPE size summary
            size{quantile="0.99"} 7
            size_sum 20
            size_count 4
            size_bucket 9
            other_sum 3
            """);

        families.Select(f => (f.Name, f.Type)).Should().Equal(
            ("req_seconds", MetricType.Histogram), ("size", MetricType.Summary), ("size_bucket", MetricType.Untyped), ("other_sum", MetricType.Untyped));
        families[0].Samples.Select(s => (s.Suffix, s.Bound, string.Join(',', s.Labels.Select(l => $"{l.Key}={l.Value}")), s.Value)).Should().Equal(
            ("_bucket", 0.1, "path=/", 2.0), ("_bucket", double.PositiveInfinity, "path=/", 5.0), ("_sum", null, "path=/", 1.5), ("_count", null, "path=/", 5.0));
        families[1].Samples.Select(s => (s.Suffix, s.Bound, s.Labels.Count, s.Value)).Should().Equal(
            ("", 0.99, 0, 7.0), ("_sum", null, 0, 20.0), ("_count", null, 0, 4.0));
    }

    [Theory]
    [InlineData("NaN", double.NaN)]
    [InlineData("nan", double.NaN)]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("Inf", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("1e-3", 0.001)]
    [InlineData(".5", 0.5)]
    [InlineData("-0", 0.0)]
    public void Parses_special_and_scientific_values(string text, double expected) =>
        TextFormatParser.Parse($"x {text}\n")[0].Samples[0].Value.Should().Be(expected);

    [Fact]
    public void Unescapes_label_values()
    {
        var sample = TextFormatParser.Parse("x{v=\"a\\\\b \\\"q\\\" \\nz\u2028é\"} 1")[0].Samples[0];
        sample.Labels[0].Value.Should().Be("a\\b \"q\" \nz\u2028é");
    }

    [Fact]
    public void Tolerates_crlf_line_ends()
    {
        var families = TextFormatParser.Parse("# HELP x Help.\r\n# TYPE x gauge\r\nx{a=\"1\"} 2\r\n");
        families[0].Help.Should().Be("Help.");
        families[0].Samples[0].Value.Should().Be(2);
    }

    [Fact]
    public void Keeps_samples_of_one_family_together_even_when_interleaved()
    {
        var families = TextFormatParser.Parse("a 1\nb 2\na{x=\"1\"} 3\n");
        families.Should().HaveCount(2);
        families[0].Samples.Select(s => s.Value).Should().Equal(1, 3);
    }

    [Fact]
    public void Empty_input_has_no_families()
    {
        TextFormatParser.Parse(string.Empty).Should().BeEmpty();
        TextFormatParser.Parse("\n\n# only comments\n   \n").Should().BeEmpty();
    }

    [Theory]
    [InlineData("x", "line 1: unexpected end of line")]
    [InlineData("x 1\ny", "line 2: unexpected end of line")]
    [InlineData("x abc", "'abc' is not a number")]
    [InlineData("x 1,5", "'1,5' is not a number")]
    [InlineData("x 1 2 3", "unexpected text after the timestamp")]
    [InlineData("x 1 1.5", "'1.5' is not a timestamp")]
    [InlineData("1x 1", "expected a metric name")]
    [InlineData("x-y 1", "unexpected '-'")]
    [InlineData("x{a=\"1\" 1", "expected ',' or '}' after label a")]
    [InlineData("x{a=\"1", "unterminated label value")]
    [InlineData("x{a=1} 1", "expected '\"' to open the value of label a")]
    [InlineData("x{a\"1\"} 1", "expected '=' after label a")]
    [InlineData("x{=\"1\"} 1", "expected a label name")]
    [InlineData("x{1a=\"1\"} 1", "expected a label name")]
    [InlineData("x{__name__=\"y\"} 1", "label name __name__ is reserved")]
    [InlineData("x{a=\"1\",a=\"2\"} 1", "duplicate label a on x")]
    [InlineData("x{a=\"\\t\"} 1", "invalid escape sequence '\\t'")]
    [InlineData("x{", "unterminated label set of x")]
    [InlineData("x{a=\"1\"}1", "unexpected '1'")]
    [InlineData("x 1\nx 2", "line 2: duplicate series x")]
    [InlineData("x{a=\"1\"} 1\nx{a=\"1\"} 2", "duplicate series x{a=\"1\"}")]
    [InlineData("x{a=\"\"} 1\nx 2", "duplicate series x")]
    [InlineData("# HELP x a\n# HELP x b", "line 2: second HELP line for x")]
    [InlineData("# HELP x bad \\t escape", "invalid escape sequence '\\t'")]
    [InlineData("# HELP", "expected a metric name")]
    [InlineData("# TYPE x", "unexpected end of line")]
    [InlineData("# TYPE x gauge\n# TYPE x gauge", "after its samples or another TYPE line")]
    [InlineData("x 1\n# TYPE x gauge", "after its samples or another TYPE line")]
    [InlineData("# TYPE x meter", "unknown metric type 'meter' for x")]
    [InlineData("# TYPE x gauge extra", "unexpected text after the type of x")]
    [InlineData("# TYPE x histogram\nx 1", "x is a histogram: its samples are x_bucket, x_sum and x_count")]
    [InlineData("# TYPE x histogram\nx_bucket 1", "x_bucket has no le label")]
    [InlineData("# TYPE x histogram\nx_bucket{le=\"big\"} 1", "'big' is not a number")]
    [InlineData("# TYPE x summary\nx 1", "x has no quantile label")]
    [InlineData("# TYPE x histogram\nx_bucket{le=\"1\"} 1\nx_bucket{le=\"1.0\"} 2", "line 3: duplicate series x_bucket")]
    [InlineData("x 1\rjunk 2", "is not a number")]
    public void Rejects_malformed_input_naming_the_line(string text, string message)
    {
        var act = () => TextFormatParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage($"text format *{message}*");
    }

    [Fact]
    public void Rejects_a_huge_line_without_reading_it()
    {
        var act = () => TextFormatParser.Parse("x{a=\"" + new string('v', TextFormatParser.MaxLineLength) + "\"} 1");
        act.Should().Throw<FormatException>().WithMessage("text format line 1: line longer than 65536 characters");
    }

    [Fact]
    public void Rejects_too_many_labels()
    {
        var labels = string.Join(',', Enumerable.Range(0, TextFormatParser.MaxLabels + 1).Select(i => $"l{i}=\"v\""));
        var act = () => TextFormatParser.Parse($"x{{{labels}}} 1");
        act.Should().Throw<FormatException>().WithMessage("*x has more than 128 labels*");
    }

    [Fact]
    public void Accepts_the_most_labels_allowed()
    {
        var labels = string.Join(',', Enumerable.Range(0, TextFormatParser.MaxLabels).Select(i => $"l{i}=\"v\""));
        TextFormatParser.Parse($"x{{{labels}}} 1")[0].Samples[0].Labels.Should().HaveCount(TextFormatParser.MaxLabels);
    }
}
