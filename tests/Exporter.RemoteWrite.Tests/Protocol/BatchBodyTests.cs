using Exporter.Core.Exposition;
using Exporter.RemoteWrite.Protocol;
using Exporter.RemoteWrite.Sending;
using Snappier;

namespace Exporter.RemoteWrite.Tests.Protocol;

public class BatchBodyTests
{
    private static readonly MetricDescriptor Up = new("up_here", "Up.", MetricType.Gauge, "n");

    [Fact]
    public void Records_decompressed_one_after_the_other_make_one_WriteRequest_in_snappy_block_format()
    {
        var encoder = new CollectionEncoder([]);
        var records = Enumerable.Range(0, 3).Select(i => Compressed(encoder.Encode([Family(i)], 1000 + i, out _))).ToList();
        var metadata = new ByteBuffer();
        MetadataEncoder.Write(metadata, [Family(0)]);

        var body = new BatchBody().Build(records, metadata.WrittenSpan).ToArray();

        // Decoded by a second, independent snappy implementation: block format, not the framing format
        // (which would start with the stream identifier 0xff 0x06 0x00 0x00 "sNaPpY").
        body[0].Should().NotBe(0xff);
        var request = DecodedWriteRequest.Decode(IronSnappy.Snappy.Decode(body));
        request.Series.Select(s => s.Samples.Single()).Should().Equal((0.0, 1000L), (1.0, 1001L), (2.0, 1002L));
        request.Series.Should().OnlyContain(s => s.ToString() == "up_here{n=\"a\"}");
        request.Metadata.Should().ContainSingle().Which.Name.Should().Be("up_here");
    }

    [Fact]
    public void One_record_without_metadata_is_sent_as_stored()
    {
        var record = Compressed(new CollectionEncoder([]).Encode([Family(1)], 1, out _));

        var body = new BatchBody().Build([record], []);

        body.ToArray().Should().Equal(record.ToArray());
        DecodedWriteRequest.Decode(IronSnappy.Snappy.Decode(body.ToArray())).Series.Should().ContainSingle();
    }

    private static ReadOnlyMemory<byte> Compressed(ReadOnlySpan<byte> raw) => Snappy.CompressToArray(raw);

    private static MetricFamily Family(int n)
    {
        var family = new MetricFamily(Up);
        family.Samples.Add(new Sample(["a"], n));
        return family;
    }
}
