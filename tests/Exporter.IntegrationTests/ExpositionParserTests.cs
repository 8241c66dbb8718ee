using Exporter.TestSupport.Exposition;

namespace Exporter.IntegrationTests;

/// <summary>The test parser every comparison relies on: it must read both formats and reject broken text.</summary>
public sealed class ExpositionParserTests
{
    [Fact]
    public void Reads_families_types_labels_and_values()
    {
        var parsed = ExpositionParser.Parse("""
            # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
            # TYPE node_cpu_seconds_total counter
            node_cpu_seconds_total{cpu="0",mode="idle"} 1.5e+06
            node_cpu_seconds_total{cpu="0",mode="user"} 12
            # TYPE node_uname_info gauge
            node_uname_info{machine="x86_64",version="#1 SMP \"quoted\" a\\b\nc"} 1
            untyped_thing NaN 1700000000000

            """);

        parsed.Families.Select(f => (f.Name, f.Type, f.Samples.Count)).Should().Equal(
            ("node_cpu_seconds_total", "counter", 2), ("node_uname_info", "gauge", 1), ("untyped_thing", "untyped", 1));
        parsed["node_cpu_seconds_total"]!.Help.Should().Be("Seconds the CPUs spent in each mode.");
        parsed["node_cpu_seconds_total"]!.Samples[0].Value.Should().Be(1_500_000);
        parsed["node_uname_info"]!.Samples[0].Labels["version"].Should().Be("#1 SMP \"quoted\" a\\b\nc");
        parsed["node_cpu_seconds_total"]!.Samples[1].SeriesKey.Should().Be("node_cpu_seconds_total{cpu=\"0\",mode=\"user\"}");
        double.IsNaN(parsed["untyped_thing"]!.Samples[0].Value).Should().BeTrue();
        parsed.HasEof.Should().BeFalse();
    }

    [Fact]
    public void Reads_openmetrics_counters_and_info_under_their_family_name()
    {
        var parsed = ExpositionParser.Parse("""
            # TYPE node_context_switches counter
            node_context_switches_total 10
            # TYPE node_uname info
            node_uname_info{sysname="Linux"} 1
            # EOF

            """);

        parsed["node_context_switches"]!.Samples.Single().Name.Should().Be("node_context_switches_total");
        parsed["node_uname"]!.Type.Should().Be("info");
        parsed.HasEof.Should().BeTrue();
    }

    [Theory]
    [InlineData("a{x=\"1\"} 1\nb 2\na{x=\"2\"} 3\n", "split")]
    [InlineData("a{x=\"1\"} 1\na{x=\"1\"} 2\n", "duplicate series")]
    [InlineData("a 1\n# TYPE a gauge\n", "after its samples")]
    [InlineData("a{x=\"1} 1\n", "unterminated")]
    [InlineData("a{x=1} 1\n", "expected =\"")]
    [InlineData("a one\n", "bad value")]
    [InlineData("a 1\n# EOF\nb 2\n", "after # EOF")]
    [InlineData("# TYPE a gauges\n", "unknown type")]
    [InlineData("a{x=\"\\t\"} 1\n", "bad escape")]
    public void Rejects_what_a_scraper_would(string text, string message)
    {
        var parse = () => ExpositionParser.Parse(text);

        parse.Should().Throw<FormatException>().WithMessage($"*{message}*");
    }
}
