using Exporter.Core.Exposition;

namespace Exporter.RemoteWrite.Protocol;

/// <summary>
/// The metadata (type, help, unit) of the latest collection's families, encoded. Senders attach it to
/// a batch when it changed and once a minute otherwise, as Prometheus sends metadata on its own
/// interval (metadata_config.send_interval, 1 m) rather than with every sample.
/// </summary>
internal sealed class MetadataSource
{
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(1);

    private readonly ByteBuffer _scratch = new(32 * 1024);
    private volatile Snapshot _current = new([], 0);

    public Snapshot Current => _current;

    /// <summary>Called by the collection loop (one thread) after each collection.</summary>
    public void Update(IReadOnlyList<MetricFamily> families)
    {
        _scratch.Clear();
        MetadataEncoder.Write(_scratch, families);
        var current = _current;
        if (!_scratch.WrittenSpan.SequenceEqual(current.Bytes))
        {
            _current = new Snapshot(_scratch.WrittenSpan.ToArray(), current.Version + 1);
        }
    }

    /// <summary>Encoded metadata fields and a number that changes with them.</summary>
    internal sealed record Snapshot(byte[] Bytes, long Version);
}
