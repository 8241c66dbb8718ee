using System.Buffers;

namespace Exporter.Core.Exposition;

/// <summary>
/// One sample line assembled in a single span of the output: one GetSpan and one Advance per line
/// instead of one pair per piece (name, labels, value, line feed), which at 10,000 series is a good
/// part of what writing a body costs.
/// </summary>
internal ref struct SampleLine
{
    private readonly IBufferWriter<byte> _output;
    private readonly Span<byte> _span;
    private int _length;

    /// <summary>A line of <paramref name="prefixLength"/> bytes before its value.</summary>
    public SampleLine(IBufferWriter<byte> output, int prefixLength)
    {
        _output = output;
        _span = output.GetSpan(prefixLength + ExpositionWriter.MaxValueLength + 2);
    }

    /// <summary>Appends bytes of the name or the labels; at most the prefix length in all.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_span[_length..]);
        _length += bytes.Length;
    }

    /// <summary>Appends a space and the value.</summary>
    public void AppendValue(double value)
    {
        _span[_length++] = (byte)' ';
        _length += ExpositionWriter.FormatValue(_span[_length..], value);
    }

    /// <summary>Appends a space and an integer value (the same digits as the value as a double).</summary>
    public void AppendValue(long value)
    {
        _span[_length++] = (byte)' ';
        _length += ExpositionWriter.FormatValue(_span[_length..], value);
    }

    /// <summary>Ends the line with its line feed.</summary>
    public void End()
    {
        _span[_length++] = (byte)'\n';
        _output.Advance(_length);
    }

    /// <summary>Hands the line over without its line feed, for the caller to add an exemplar first.</summary>
    public void EndBeforeExemplar() => _output.Advance(_length);
}
