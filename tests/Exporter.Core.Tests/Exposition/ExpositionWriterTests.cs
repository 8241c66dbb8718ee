using System.Buffers;
using System.Text;
using Exporter.Core.Exposition;

namespace Exporter.Core.Tests.Exposition;

public sealed class ExpositionWriterTests
{
    private static readonly MetricDescriptor Cpu = new("node_cpu_seconds_total", "Seconds the CPUs spent in each mode.", MetricType.Counter, "cpu", "mode");
    private static readonly MetricDescriptor Uname = new("node_uname_info", "Labeled system information as provided by the uname system call.", MetricType.Info, "sysname");
    private static readonly MetricDescriptor Load = new("node_load1", "1m load average.", MetricType.Gauge);
    private static readonly MetricDescriptor Commits = new("pg_stat_database_xact_commit", "Transactions committed.", MetricType.Counter, "datname");
    private static readonly MetricDescriptor Raw = new("node_netstat_Tcp_CurrEstab", "Statistic TcpCurrEstab.", MetricType.Untyped);

    [Fact]
    public void Writes_text_format_0_0_4()
    {
        Write(ExpositionFormat.Text, Family(Cpu, (["0", "idle"], 1234.5), (["0", "user"], 10)), Family(Load, ([], 0.25)))
            .Should().Be("""
                # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
                # TYPE node_cpu_seconds_total counter
                node_cpu_seconds_total{cpu="0",mode="idle"} 1234.5
                node_cpu_seconds_total{cpu="0",mode="user"} 10
                # HELP node_load1 1m load average.
                # TYPE node_load1 gauge
                node_load1 0.25

                """);
    }

    [Fact]
    public void Writes_openmetrics_with_suffix_rules_and_eof()
    {
        Write(ExpositionFormat.OpenMetrics,
                Family(Cpu, (["0", "idle"], 1)), Family(Commits, (["db"], 3)), Family(Uname, (["Linux"], 1)), Family(Raw, ([], 7)))
            .Should().Be("""
                # HELP node_cpu_seconds Seconds the CPUs spent in each mode.
                # TYPE node_cpu_seconds counter
                node_cpu_seconds_total{cpu="0",mode="idle"} 1
                # HELP pg_stat_database_xact_commit Transactions committed.
                # TYPE pg_stat_database_xact_commit unknown
                pg_stat_database_xact_commit{datname="db"} 3
                # HELP node_uname Labeled system information as provided by the uname system call.
                # TYPE node_uname info
                node_uname_info{sysname="Linux"} 1
                # HELP node_netstat_Tcp_CurrEstab Statistic TcpCurrEstab.
                # TYPE node_netstat_Tcp_CurrEstab unknown
                node_netstat_Tcp_CurrEstab 7
                # EOF

                """);
    }

    [Fact]
    public void Escapes_label_values_and_help()
    {
        var descriptor = new MetricDescriptor("x", "Back\\slash \"quoted\"\nnext", MetricType.Gauge, "path");
        var family = Family(descriptor, (["C:\\dir \"a\"\nb ünï"], 1));

        Write(ExpositionFormat.Text, family).Should().Be(
            "# HELP x Back\\\\slash \"quoted\"\\nnext\n# TYPE x gauge\nx{path=\"C:\\\\dir \\\"a\\\"\\nb ünï\"} 1\n");
        Write(ExpositionFormat.OpenMetrics, family).Should().StartWith("# HELP x Back\\\\slash \\\"quoted\\\"\\nnext\n");
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1e21, "1E+21")]
    [InlineData(18446744073709551615.0, "1.8446744073709552E+19")]
    [InlineData(123456789012.0, "123456789012")]
    public void Formats_values_invariantly(double value, string expected)
    {
        Write(ExpositionFormat.Text, Family(Load, ([], value))).Should().EndWith($"node_load1 {expected}\n");
    }

    [Theory]
    [InlineData(ExpositionFormat.Text)]
    [InlineData(ExpositionFormat.OpenMetrics)]
    public void Writes_histogram_and_summary_parts_with_the_bound_label_last(ExpositionFormat format)
    {
        var latency = new MetricDescriptor("job_seconds", "Job duration.", MetricType.Histogram, "job");
        var size = new MetricDescriptor("batch_size", "Batch size.", MetricType.Summary);
        var histogram = new MetricFamily(latency);
        histogram.Samples.AddRange([
            new(["a"], 1, "_bucket", 0.5), new(["a"], 3, "_bucket", double.PositiveInfinity), new(["a"], 4.25, "_sum"), new(["a"], 3, "_count")]);
        var summary = new MetricFamily(size);
        summary.Samples.AddRange([new([], 12, "", 0.9), new([], 30, "_sum"), new([], 3, "_count")]);

        var text = Write(format, histogram, summary);

        text.Should().StartWith("""
            # HELP job_seconds Job duration.
            # TYPE job_seconds histogram
            job_seconds_bucket{job="a",le="0.5"} 1
            job_seconds_bucket{job="a",le="+Inf"} 3
            job_seconds_sum{job="a"} 4.25
            job_seconds_count{job="a"} 3
            # HELP batch_size Batch size.
            # TYPE batch_size summary
            batch_size{quantile="0.9"} 12
            batch_size_sum 30
            batch_size_count 3

            """);
        text.EndsWith("# EOF\n", StringComparison.Ordinal).Should().Be(format == ExpositionFormat.OpenMetrics);
    }

    [Fact]
    public void A_histogram_sample_without_its_part_is_refused()
    {
        var histogram = new MetricDescriptor("h", "h", MetricType.Histogram);
        ((Action)(() => new MetricSink().Add(histogram, 1))).Should().Throw<ArgumentException>().WithMessage("*need their part*");
    }

    [Fact]
    public void Leaves_out_families_without_samples()
    {
        Write(ExpositionFormat.Text, new MetricFamily(Load)).Should().BeEmpty();
    }

    [Fact]
    public void Rejects_wrong_label_count_and_bad_names()
    {
        var sink = new MetricSink();
        ((Action)(() => sink.Add(Cpu, 1, "0"))).Should().Throw<ArgumentException>().WithMessage("*takes 2 label values*");
        ((Action)(() => _ = new MetricDescriptor("bad-name", "h", MetricType.Gauge))).Should().Throw<ArgumentException>();
        ((Action)(() => _ = new MetricDescriptor("ok", "h", MetricType.Gauge, "__reserved"))).Should().Throw<ArgumentException>();
    }

    private static MetricFamily Family(MetricDescriptor descriptor, params (string[] Labels, double Value)[] samples)
    {
        var family = new MetricFamily(descriptor);
        family.Samples.AddRange(samples.Select(s => new Sample(s.Labels, s.Value)));
        return family;
    }

    private static string Write(ExpositionFormat format, params MetricFamily[] families)
    {
        var buffer = new ArrayBufferWriter<byte>();
        ExpositionWriter.Write(buffer, families, format);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
