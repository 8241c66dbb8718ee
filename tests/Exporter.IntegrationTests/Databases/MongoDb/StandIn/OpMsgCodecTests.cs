using System.Buffers.Binary;

namespace Exporter.IntegrationTests.Databases.MongoDb.StandIn;

public class OpMsgCodecTests
{
    [Fact]
    public void Encodes_header_flags_and_one_body_section()
    {
        var message = OpMsgCodec.Encode(7, 3, new BsonDocument("hello", 1).With("$db", "admin"));

        BinaryPrimitives.ReadInt32LittleEndian(message).Should().Be(message.Length);
        BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(4)).Should().Be(7);
        BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(8)).Should().Be(3);
        BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(12)).Should().Be(2013);
        BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(16)).Should().Be(0);
        message[20].Should().Be(0);

        var parsed = OpMsgCodec.Parse(message);
        parsed.RequestId.Should().Be(7);
        parsed.ResponseTo.Should().Be(3);
        parsed.Body.GetString("$db").Should().Be("admin");
    }

    [Fact]
    public async Task Reads_a_message_from_a_stream_and_ignores_a_checksum()
    {
        var message = OpMsgCodec.Encode(1, 9, new BsonDocument("ok", 1.0)).Concat(new byte[] { 1, 2, 3, 4 }).ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(message, message.Length);
        message[16] = 1; // checksumPresent

        var parsed = await OpMsgCodec.ReadAsync(new MemoryStream(message), CancellationToken.None);
        parsed.ResponseTo.Should().Be(9);
        parsed.Body.IsOk.Should().BeTrue();
    }

    [Fact]
    public void Skips_a_document_sequence_section()
    {
        var body = OpMsgCodec.Encode(1, 0, new BsonDocument("insert", "c"));
        var sequence = new List<byte> { 1 };
        var doc = BsonWriter.Write(new BsonDocument("x", 1));
        sequence.AddRange(BitConverter.GetBytes(4 + 10 + doc.Length));
        sequence.AddRange("documents\0"u8.ToArray());
        sequence.AddRange(doc);
        var message = body.Concat(sequence).ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(message, message.Length);

        OpMsgCodec.Parse(message).Body.GetString("insert").Should().Be("c");
    }

    [Theory]
    [InlineData(48_000_001)]
    [InlineData(int.MaxValue)]
    [InlineData(-1)]
    [InlineData(10)]
    public async Task Refuses_a_hostile_length_before_reading_the_body(int length)
    {
        var header = new byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(header, length);
        var act = () => OpMsgCodec.ReadAsync(new MemoryStream(header), CancellationToken.None);
        await act.Should().ThrowAsync<FormatException>().WithMessage("op_msg: message length*");
    }

    [Fact]
    public async Task A_truncated_message_is_an_end_of_stream_error()
    {
        var message = OpMsgCodec.Encode(1, 0, new BsonDocument("ok", 1));
        var act = () => OpMsgCodec.ReadAsync(new MemoryStream(message[..^3]), CancellationToken.None);
        await act.Should().ThrowAsync<EndOfStreamException>();
    }

    [Fact]
    public void Rejects_other_opcodes_unknown_flags_and_sections()
    {
        var message = OpMsgCodec.Encode(1, 0, new BsonDocument("ok", 1));

        var legacy = (byte[])message.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(legacy.AsSpan(12), 1); // OP_REPLY
        Parse(legacy).Should().Throw<FormatException>().WithMessage("*opCode 1*");

        var moreToCome = (byte[])message.Clone();
        moreToCome[16] = 2;
        Parse(moreToCome).Should().Throw<FormatException>().WithMessage("*flag*");

        var kind = (byte[])message.Clone();
        kind[20] = 5;
        Parse(kind).Should().Throw<FormatException>().WithMessage("*section kind 5*");

        var twoBodies = message.Concat(message[20..]).ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(twoBodies, twoBodies.Length);
        Parse(twoBodies).Should().Throw<FormatException>().WithMessage("*more than one body*");

        var noBody = message[..21];
        noBody[20] = 1;
        var sized = noBody.Concat(new byte[] { 4, 0, 0, 0, 0, 0, 0, 0, 0 }).ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(sized, sized.Length);
        Parse(sized).Should().Throw<FormatException>();
    }

    private static Func<OpMsg> Parse(byte[] message) => () => OpMsgCodec.Parse(message);
}
