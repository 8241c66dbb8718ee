using System.Text.Json;

namespace Exporter.Host.Status;

/// <summary>
/// A built document with its encodings, made once per collection however many viewers ask: the
/// JSON answer is a copy of bytes, not a serialization per request.
/// </summary>
internal sealed class StatusSnapshot(StatusDocument document)
{
    private byte[]? _json;
    private byte[]? _page;

    public StatusDocument Document => document;

    /// <summary>The document as UTF-8 JSON (source-generated serializer, no reflection).</summary>
    public byte[] Json => _json ??= JsonSerializer.SerializeToUtf8Bytes(document, StatusJsonContext.Default.StatusDocument);

    /// <summary>The page for this document, rendered by <paramref name="render"/> on first use.</summary>
    public byte[] Page(Func<StatusSnapshot, byte[]> render) => _page ??= render(this);
}
