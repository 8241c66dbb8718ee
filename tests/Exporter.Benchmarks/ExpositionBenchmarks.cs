using System.Buffers;
using BenchmarkDotNet.Attributes;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Benchmarks;

/// <summary>
/// Encoding one node_exporter-sized scrape (about 500 samples): text 0.0.4, OpenMetrics, and the
/// whole body as the endpoint builds it (encode, then gzip).
/// </summary>
[MemoryDiagnoser]
public class ExpositionBenchmarks
{
    private readonly List<MetricFamily> _families = NodeLikeFamilies.Create();
    private readonly ArrayBufferWriter<byte> _buffer = new(128 * 1024);

    [GlobalSetup]
    public void Setup()
    {
        _buffer.Clear();
        ExpositionWriter.Write(_buffer, _families, ExpositionFormat.Text);
        Console.WriteLine($"// {_families.Sum(f => f.Samples.Count)} samples, {_buffer.WrittenCount} bytes of text");
    }

    [Benchmark(Baseline = true)]
    public int Text()
    {
        _buffer.Clear();
        ExpositionWriter.Write(_buffer, _families, ExpositionFormat.Text);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int OpenMetrics()
    {
        _buffer.Clear();
        ExpositionWriter.Write(_buffer, _families, ExpositionFormat.OpenMetrics);
        return _buffer.WrittenCount;
    }

    /// <summary>What one scrape costs the endpoint: a fresh result, encoded to a body.</summary>
    [Benchmark]
    public int TextBody() => new ScrapeResult(_families).GetBody(ExpositionFormat.Text, gzip: false).Length;

    [Benchmark]
    public int TextBodyGzip() => new ScrapeResult(_families).GetBody(ExpositionFormat.Text, gzip: true).Length;
}
