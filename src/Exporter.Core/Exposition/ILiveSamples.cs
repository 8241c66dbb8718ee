using System.Buffers;

namespace Exporter.Core.Exposition;

/// <summary>
/// Samples kept by their owner and written directly into the body: each series carries its label
/// set already encoded, so encoding costs only the numbers.
/// </summary>
internal interface ILiveSamples
{
    /// <summary>True when no series would be written.</summary>
    bool IsEmpty { get; }

    /// <summary>Writes every sample line of the family (the header is written by the caller).</summary>
    void Write(IBufferWriter<byte> output, bool openMetrics);

    /// <summary>The samples as <see cref="Sample"/> rows, label values in <paramref name="labelNames"/>' order.</summary>
    IEnumerable<Sample> Snapshot(IReadOnlyList<string> labelNames);
}
