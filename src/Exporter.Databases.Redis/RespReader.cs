using System.Globalization;
using System.Text;

namespace Exporter.Databases.Redis;

/// <summary>
/// Reads RESP2 replies from a stream, one at a time, through its own buffer. A reply that breaks the
/// protocol is a <see cref="FormatException"/> ("resp: ..."); a stream that ends mid-reply an
/// <see cref="EndOfStreamException"/>. Sizes are bounded, so a hostile or confused peer cannot make
/// the exporter allocate without limit.
/// </summary>
internal sealed class RespReader(Stream stream)
{
    /// <summary>INFO is a few kB; 64 MiB is far beyond anything the collector asks for.</summary>
    internal const int MaxBulkLength = 64 * 1024 * 1024;
    internal const int MaxLineLength = 16 * 1024;
    internal const int MaxArrayLength = 1024 * 1024;
    internal const int MaxDepth = 8;

    private readonly byte[] _buffer = new byte[MaxLineLength];
    private int _start;
    private int _end;

    public ValueTask<RespValue> ReadAsync(CancellationToken cancellationToken = default) => ReadValueAsync(0, cancellationToken);

    private async ValueTask<RespValue> ReadValueAsync(int depth, CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(cancellationToken);
        if (line.Length == 0)
        {
            throw new FormatException("resp: empty reply line");
        }

        var rest = line[1..];
        switch (line[0])
        {
            case '+':
                return new RespValue(RespKind.SimpleString, rest);
            case '-':
                return new RespValue(RespKind.Error, rest);
            case ':':
                return new RespValue(RespKind.Number, Number: ParseInteger(rest, "integer"));
            case '$':
                var length = ParseInteger(rest, "bulk string length");
                if (length == -1)
                {
                    return new RespValue(RespKind.BulkString);
                }

                if (length is < 0 or > MaxBulkLength)
                {
                    throw new FormatException($"resp: bulk string length {length} out of range");
                }

                var bytes = await ReadExactAsync((int)length + 2, cancellationToken);
                if (bytes[^2] != '\r' || bytes[^1] != '\n')
                {
                    throw new FormatException("resp: bulk string not followed by CR LF");
                }

                return new RespValue(RespKind.BulkString, Encoding.UTF8.GetString(bytes, 0, (int)length));
            case '*':
                var count = ParseInteger(rest, "array length");
                if (count == -1)
                {
                    return new RespValue(RespKind.Array);
                }

                if (count is < 0 or > MaxArrayLength)
                {
                    throw new FormatException($"resp: array length {count} out of range");
                }

                if (depth >= MaxDepth)
                {
                    throw new FormatException($"resp: arrays nested deeper than {MaxDepth}");
                }

                var items = new RespValue[count];
                for (var i = 0; i < count; i++)
                {
                    items[i] = await ReadValueAsync(depth + 1, cancellationToken);
                }

                return new RespValue(RespKind.Array, Items: items);
            default:
                throw new FormatException($"resp: unknown reply type '{Printable(line[0])}'");
        }
    }

    private static long ParseInteger(string text, string what) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"resp: {what} '{Printable(text)}' is not an integer");

    private static string Printable(string text) =>
        new(text.Take(32).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static string Printable(char c) => Printable(c.ToString());

    /// <summary>A line up to CR LF, without it.</summary>
    private async ValueTask<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var scanned = 0;
        while (true)
        {
            var window = _buffer.AsSpan(_start + scanned, _end - _start - scanned);
            var lf = window.IndexOf((byte)'\n');
            if (lf >= 0)
            {
                var lineEnd = _start + scanned + lf;
                if (lineEnd == _start || _buffer[lineEnd - 1] != '\r')
                {
                    throw new FormatException("resp: line not terminated by CR LF");
                }

                var line = Encoding.UTF8.GetString(_buffer, _start, lineEnd - 1 - _start);
                _start = lineEnd + 1;
                return line;
            }

            scanned = _end - _start;
            await FillAsync(cancellationToken);
        }
    }

    private async ValueTask<byte[]> ReadExactAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var copied = 0;
        while (copied < count)
        {
            if (_start == _end)
            {
                await FillAsync(cancellationToken);
            }

            var n = Math.Min(count - copied, _end - _start);
            _buffer.AsSpan(_start, n).CopyTo(result.AsSpan(copied));
            _start += n;
            copied += n;
        }

        return result;
    }

    /// <summary>Reads more bytes after the unread ones, moving those to the front first.</summary>
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            throw new FormatException($"resp: line longer than {MaxLineLength} bytes");
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        if (read == 0)
        {
            throw new EndOfStreamException("resp: connection closed in the middle of a reply");
        }

        _end += read;
    }
}
