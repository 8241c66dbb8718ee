using Exporter.Core.Exposition;
using Exporter.RemoteWrite.Protocol;

namespace Exporter.RemoteWrite.Tests.Protocol;

public class CollectionEncoderTests
{
    private static readonly MetricDescriptor Load = new("node_load1", "1m load average.", MetricType.Gauge);
    private static readonly MetricDescriptor Cpu = new("node_cpu_seconds_total", "Seconds the CPUs spent in each mode.", MetricType.Counter, "mode", "cpu");
    private static readonly MetricDescriptor Textfile = new("app_info", "From a file.", MetricType.Info, "instance", "zone", "version");

    private static readonly Dictionary<string, string> PushLabels = new() { ["job"] = "node", ["instance"] = "web-1", ["region"] = "" };

    [Fact]
    public void Every_sample_is_one_series_with_its_name_its_labels_and_the_push_labels_sorted_by_name()
    {
        var encoder = new CollectionEncoder(PushLabels);

        var request = Encode(encoder, 1_700_000_000_123, Family(Load, new Sample([], 0.25)), Family(Cpu, new Sample(["idle", "0"], 1234.5)), out var samples);

        samples.Should().Be(2);
        request.Series.Select(s => s.ToString()).Should().Equal(
            "node_load1{instance=\"web-1\",job=\"node\"}",
            "node_cpu_seconds_total{cpu=\"0\",instance=\"web-1\",job=\"node\",mode=\"idle\"}");
        request.Series.Should().OnlyContain(s => s.Labels[0].Key == "__name__");
        foreach (var series in request.Series)
        {
            series.Labels.Select(l => l.Key).Should().BeInAscendingOrder(StringComparer.Ordinal);
        }

        request.Series[0].Samples.Should().Equal((0.25, 1_700_000_000_123L));
        request.Series[1].Samples.Should().Equal((1234.5, 1_700_000_000_123L));
        request.Metadata.Should().BeEmpty();
    }

    [Fact]
    public void A_series_own_label_wins_over_a_push_label_and_empty_values_are_left_out()
    {
        var encoder = new CollectionEncoder(PushLabels);

        var request = Encode(encoder, 5, Family(Textfile, new Sample(["db-7", "", "1.2 ✓ é"], 1)), out _);

        request.Series.Single().ToString().Should().Be("app_info{instance=\"db-7\",job=\"node\",version=\"1.2 ✓ é\"}");
    }

    [Fact]
    public void Histogram_and_summary_parts_carry_their_suffix_and_their_le_or_quantile_label()
    {
        var histogram = new MetricDescriptor("rpc_seconds", "Latency.", MetricType.Histogram, "path");
        var summary = new MetricDescriptor("gc_seconds", "Pauses.", MetricType.Summary);
        var encoder = new CollectionEncoder([]);

        var request = Encode(
            encoder,
            7,
            Family(histogram, new Sample(["/"], 3, "_bucket", 0.5), new Sample(["/"], 4, "_bucket", double.PositiveInfinity), new Sample(["/"], 1.5, "_sum"), new Sample(["/"], 4, "_count")),
            Family(summary, new Sample([], 0.01, "", 0.99)),
            out _);

        request.Series.Select(s => s.ToString()).Should().Equal(
            "rpc_seconds_bucket{le=\"0.5\",path=\"/\"}",
            "rpc_seconds_bucket{le=\"+Inf\",path=\"/\"}",
            "rpc_seconds_sum{path=\"/\"}",
            "rpc_seconds_count{path=\"/\"}",
            "gc_seconds{quantile=\"0.99\"}");
    }

    [Fact]
    public void A_series_that_disappears_gets_one_stale_marker_at_the_next_collection_time()
    {
        var encoder = new CollectionEncoder(PushLabels);
        var both = Family(Cpu, new Sample(["idle", "0"], 1), new Sample(["idle", "1"], 2));
        var one = Family(Cpu, new Sample(["idle", "0"], 3));

        Encode(encoder, 1000, both, out _);
        var second = Encode(encoder, 2000, one, out var samples);
        var third = Encode(encoder, 3000, one, out _);
        var back = Encode(encoder, 4000, both, out _);

        samples.Should().Be(2);
        var marker = second.Series.Single(s => s.Label("cpu") == "1");
        marker.ToString().Should().Be("node_cpu_seconds_total{cpu=\"1\",instance=\"web-1\",job=\"node\",mode=\"idle\"}");
        marker.Samples.Should().ContainSingle().Which.Timestamp.Should().Be(2000);
        BitConverter.DoubleToUInt64Bits(marker.Samples[0].Value).Should().Be(0x7ff0000000000002);
        second.Series.Single(s => s.Label("cpu") == "0").Samples.Should().Equal((3.0, 2000L));
        third.Series.Should().ContainSingle("the marker is sent once");
        back.Series.Should().HaveCount(2).And.OnlyContain(s => !double.IsNaN(s.Samples[0].Value));
    }

    [Fact]
    public void A_duplicate_series_in_one_collection_is_written_once()
    {
        var encoder = new CollectionEncoder([]);

        var request = Encode(encoder, 1, Family(Load, new Sample([], 1), new Sample([], 2)), out var samples);

        samples.Should().Be(1);
        request.Series.Single().Samples.Should().Equal((1.0, 1L));
    }

    [Fact]
    public void Metadata_carries_type_help_and_the_unit_from_the_name()
    {
        var buffer = new ByteBuffer();
        MetadataEncoder.Write(buffer, [Family(Load, new Sample([], 1)), Family(Cpu, new Sample(["idle", "0"], 1)), new MetricFamily(Textfile)]);

        DecodedWriteRequest.Decode(buffer.WrittenSpan).Metadata.Should().Equal(
            new DecodedMetadata(2, "node_load1", "1m load average.", string.Empty),
            new DecodedMetadata(1, "node_cpu_seconds_total", "Seconds the CPUs spent in each mode.", "seconds"));
    }

    [Theory]
    [InlineData("node_memory_MemFree_bytes", MetricType.Gauge, "bytes")]
    [InlineData("node_network_receive_bytes_total", MetricType.Counter, "bytes")]
    [InlineData("node_hwmon_temp_celsius", MetricType.Gauge, "celsius")]
    [InlineData("node_load1", MetricType.Gauge, "")]
    [InlineData("seconds", MetricType.Gauge, "")]
    [InlineData("node_forks_total", MetricType.Counter, "")]
    public void Units_come_from_the_names_suffix(string name, MetricType type, string unit) =>
        MetadataEncoder.Unit(name, type).Should().Be(unit);

    private static MetricFamily Family(MetricDescriptor descriptor, params Sample[] samples)
    {
        var family = new MetricFamily(descriptor);
        family.Samples.AddRange(samples);
        return family;
    }

    private static DecodedWriteRequest Encode(CollectionEncoder encoder, long timestamp, MetricFamily family, out int samples) =>
        DecodedWriteRequest.Decode(encoder.Encode([family], timestamp, out samples));

    private static DecodedWriteRequest Encode(CollectionEncoder encoder, long timestamp, MetricFamily first, MetricFamily second, out int samples) =>
        DecodedWriteRequest.Decode(encoder.Encode([first, second], timestamp, out samples));
}
