using Exporter.RemoteWrite.Protocol;
using Snappier;

namespace Exporter.RemoteWrite.Sending;

/// <summary>
/// Builds a request body from queued records: each record is a snappy-compressed run of TimeSeries
/// fields, so the records are decompressed one after the other into one WriteRequest, metadata
/// appended when due, and the whole compressed again in snappy's block format (the format remote
/// write requires; Snappier's Snappy.Compress writes blocks, its SnappyStream the framing format).
/// One record without metadata is sent as stored. Buffers are reused; the body is valid until the
/// next call.
/// </summary>
internal sealed class BatchBody
{
    private readonly ByteBuffer _raw = new(256 * 1024);
    private byte[] _compressed = new byte[64 * 1024];

    public ReadOnlyMemory<byte> Build(IReadOnlyList<ReadOnlyMemory<byte>> payloads, ReadOnlySpan<byte> metadata)
    {
        if (payloads.Count == 1 && metadata.IsEmpty)
        {
            return payloads[0];
        }

        _raw.Clear();
        foreach (var payload in payloads)
        {
            var length = Snappy.GetUncompressedLength(payload.Span);
            _raw.Advance(Snappy.Decompress(payload.Span, _raw.GetSpan(length)));
        }

        _raw.Write(metadata);
        var max = Snappy.GetMaxCompressedLength(_raw.Length);
        if (_compressed.Length < max)
        {
            _compressed = new byte[Math.Max(max, _compressed.Length * 2)];
        }

        return _compressed.AsMemory(0, Snappy.Compress(_raw.WrittenSpan, _compressed));
    }
}
