using Google.Protobuf;

namespace Exporter.RemoteWrite.Tests.Protocol;

/// <summary>
/// A WriteRequest read back with Google.Protobuf's CodedInputStream, an implementation independent
/// of the encoder under test, following prometheus/prompb/{remote,types}.proto field by field.
/// </summary>
internal sealed record DecodedWriteRequest(IReadOnlyList<DecodedSeries> Series, IReadOnlyList<DecodedMetadata> Metadata)
{
    public static DecodedWriteRequest Decode(ReadOnlySpan<byte> bytes)
    {
        var series = new List<DecodedSeries>();
        var metadata = new List<DecodedMetadata>();
        var input = new CodedInputStream(bytes.ToArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    series.Add(DecodeSeries(input.ReadBytes()));
                    break;
                case 3:
                    metadata.Add(DecodeMetadata(input.ReadBytes()));
                    break;
                default:
                    throw new InvalidDataException($"unexpected WriteRequest field {WireFormat.GetTagFieldNumber(tag)}");
            }
        }

        return new DecodedWriteRequest(series, metadata);
    }

    private static DecodedSeries DecodeSeries(ByteString bytes)
    {
        var labels = new List<KeyValuePair<string, string>>();
        var samples = new List<(double Value, long Timestamp)>();
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    labels.Add(DecodeLabel(input.ReadBytes()));
                    break;
                case 2:
                    samples.Add(DecodeSample(input.ReadBytes()));
                    break;
                default:
                    throw new InvalidDataException($"unexpected TimeSeries field {WireFormat.GetTagFieldNumber(tag)}");
            }
        }

        return new DecodedSeries(labels, samples);
    }

    private static KeyValuePair<string, string> DecodeLabel(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        string name = string.Empty, value = string.Empty;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    name = input.ReadString();
                    break;
                case 2:
                    value = input.ReadString();
                    break;
                default:
                    throw new InvalidDataException("unexpected Label field");
            }
        }

        return new(name, value);
    }

    private static (double Value, long Timestamp) DecodeSample(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        double value = 0;
        long timestamp = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (tag)
            {
                case (1 << 3) | 1:
                    value = input.ReadDouble();
                    break;
                case (2 << 3) | 0:
                    timestamp = input.ReadInt64();
                    break;
                default:
                    throw new InvalidDataException("unexpected Sample field");
            }
        }

        return (value, timestamp);
    }

    private static DecodedMetadata DecodeMetadata(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        var metadata = new DecodedMetadata(0, string.Empty, string.Empty, string.Empty);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            metadata = WireFormat.GetTagFieldNumber(tag) switch
            {
                1 => metadata with { Type = input.ReadEnum() },
                2 => metadata with { Name = input.ReadString() },
                4 => metadata with { Help = input.ReadString() },
                5 => metadata with { Unit = input.ReadString() },
                _ => throw new InvalidDataException("unexpected MetricMetadata field"),
            };
        }

        return metadata;
    }
}

internal sealed record DecodedSeries(IReadOnlyList<KeyValuePair<string, string>> Labels, IReadOnlyList<(double Value, long Timestamp)> Samples)
{
    public string Name => Labels.Single(l => l.Key == "__name__").Value;

    public string? Label(string name) => Labels.FirstOrDefault(l => l.Key == name).Value;

    /// <summary>name{a="1",b="2"} with the labels in the order they were encoded.</summary>
    public override string ToString() => Name + "{" + string.Join(",", Labels.Where(l => l.Key != "__name__").Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";
}

internal sealed record DecodedMetadata(int Type, string Name, string Help, string Unit);
