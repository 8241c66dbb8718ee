using System.IO.Compression;
using Exporter.Core.Exposition;

namespace Exporter.Core.Collection;

/// <summary>
/// The outcome of one collection: families sorted by name, shared by every scrape that joined it.
/// The scrape endpoint encodes them straight into each response; <see cref="GetBody"/> keeps an
/// encoded copy per format and compression for callers that want the bytes.
/// </summary>
public sealed class ScrapeResult
{
    private readonly Lock _lock = new();
    private readonly byte[]?[] _bodies = new byte[4][];

    /// <summary>A result over <paramref name="families"/>, sorted by name, and why collectors failed.</summary>
    public ScrapeResult(IReadOnlyList<MetricFamily> families, IReadOnlyDictionary<string, string>? collectorErrors = null)
    {
        Families = families;
        CollectorErrors = collectorErrors ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>The collected families, sorted by name.</summary>
    public IReadOnlyList<MetricFamily> Families { get; }

    /// <summary>
    /// Why each failed collector failed (the message also logged), by collector name; a failed
    /// collector is the one with <c>node_scrape_collector_success</c> 0.
    /// </summary>
    public IReadOnlyDictionary<string, string> CollectorErrors { get; }

    /// <summary>The encoded body; gzip-compressed when <paramref name="gzip"/> is set.</summary>
    public byte[] GetBody(ExpositionFormat format, bool gzip)
    {
        var slot = ((int)format * 2) + (gzip ? 1 : 0);
        lock (_lock)
        {
            return _bodies[slot] ??= gzip ? Compress(GetBody(format, gzip: false)) : Encode(format);
        }
    }

    private byte[] Encode(ExpositionFormat format)
    {
        // Encoded into pooled scratch space, then copied once into a body of the exact size, left
        // unzeroed since the copy fills it (at 10,000 series that is a megabyte on the large object heap).
        using var buffer = new PooledBufferWriter(64 * 1024);
        ExpositionWriter.Write(buffer, Families, format);
        var body = GC.AllocateUninitializedArray<byte>(buffer.WrittenSpan.Length);
        buffer.WrittenSpan.CopyTo(body);
        return body;
    }

    private static byte[] Compress(byte[] body)
    {
        using var output = new MemoryStream(body.Length / 4);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }
}
