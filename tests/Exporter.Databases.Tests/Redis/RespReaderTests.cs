using System.Text;
using Exporter.Databases.Redis;

namespace Exporter.Databases.Tests.Redis;

public sealed class RespReaderTests
{
    [Fact]
    public async Task Reads_every_reply_type_in_sequence()
    {
        var reader = Reader("+OK\r\n-ERR wrong\r\n:-42\r\n$5\r\nhello\r\n$-1\r\n*2\r\n$1\r\na\r\n:7\r\n*-1\r\n$0\r\n\r\n");

        (await reader.ReadAsync()).Should().Be(new RespValue(RespKind.SimpleString, "OK"));
        var error = await reader.ReadAsync();
        error.IsError.Should().BeTrue();
        error.Text.Should().Be("ERR wrong");
        (await reader.ReadAsync()).Number.Should().Be(-42);
        (await reader.ReadAsync()).Text.Should().Be("hello");
        (await reader.ReadAsync()).Should().Be(new RespValue(RespKind.BulkString));
        var array = await reader.ReadAsync();
        array.Items!.Select(i => i.Text ?? i.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Should().Equal("a", "7");
        (await reader.ReadAsync()).Should().Be(new RespValue(RespKind.Array));
        (await reader.ReadAsync()).Text.Should().BeEmpty();
    }

    [Fact]
    public async Task Bulk_strings_may_hold_CR_LF_and_span_many_reads()
    {
        var payload = string.Concat(Enumerable.Repeat("line:1\r\n", 5000));
        var reader = new RespReader(new TrickleStream(Encoding.UTF8.GetBytes($"${payload.Length}\r\n{payload}\r\n+NEXT\r\n"), 7));

        (await reader.ReadAsync()).Text.Should().Be(payload);
        (await reader.ReadAsync()).Text.Should().Be("NEXT");
    }

    [Theory]
    [InlineData("?what\r\n", "unknown reply type")]
    [InlineData("\r\n", "empty reply line")]
    [InlineData("+OK\n", "CR LF")]
    [InlineData(":12x\r\n", "not an integer")]
    [InlineData("$-2\r\n", "out of range")]
    [InlineData("$999999999999\r\n", "out of range")]
    [InlineData("$3\r\nabcde\r\n", "not followed by CR LF")]
    [InlineData("*-5\r\n", "out of range")]
    [InlineData("*1\r\n*1\r\n*1\r\n*1\r\n*1\r\n*1\r\n*1\r\n*1\r\n*1\r\n:1\r\n", "nested deeper")]
    public async Task Malformed_replies_are_format_errors(string reply, string message)
    {
        var act = async () => await Reader(reply).ReadAsync();

        (await act.Should().ThrowAsync<FormatException>()).WithMessage($"resp: *{message}*");
    }

    [Fact]
    public async Task A_line_without_end_is_bounded()
    {
        var act = async () => await Reader("+" + new string('x', RespReader.MaxLineLength + 10)).ReadAsync();

        (await act.Should().ThrowAsync<FormatException>()).WithMessage("resp: line longer than*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("+OK")]
    [InlineData("$10\r\nabc")]
    [InlineData("*2\r\n:1\r\n")]
    public async Task A_truncated_reply_is_end_of_stream(string reply)
    {
        var act = async () => await Reader(reply).ReadAsync();

        await act.Should().ThrowAsync<EndOfStreamException>();
    }

    [Fact]
    public void Writer_encodes_commands_as_arrays_of_bulk_strings_with_byte_lengths()
    {
        Encoding.UTF8.GetString(RespWriter.Encode("AUTH", "bob", "pä ss\r\n"))
            .Should().Be("*3\r\n$4\r\nAUTH\r\n$3\r\nbob\r\n$8\r\npä ss\r\n\r\n");
        var act = () => RespWriter.Encode();
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task Writer_output_reads_back_as_the_same_arguments()
    {
        var reply = await Reader(Encoding.UTF8.GetString(RespWriter.Encode("SET", "key", "värde"))).ReadAsync();

        reply.Items!.Select(i => i.Text).Should().Equal("SET", "key", "värde");
    }

    private static RespReader Reader(string text) => new(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    /// <summary>Hands out at most a few bytes per read, like a slow network.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
