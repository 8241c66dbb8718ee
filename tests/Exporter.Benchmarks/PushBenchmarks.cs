using BenchmarkDotNet.Attributes;
using Exporter.Core.Exposition;
using Exporter.RemoteWrite.Protocol;
using Exporter.RemoteWrite.Queue;
using Exporter.RemoteWrite.Sending;
using Microsoft.Extensions.Logging.Abstractions;
using Snappier;

namespace Exporter.Benchmarks;

/// <summary>
/// What push mode adds to a collection of node_exporter's size (about 500 samples), the HTTP request
/// aside: encoding the remote-write series with stale tracking and snappy (<see cref="Encode"/>), and
/// the whole local path with the on-disk queue: append with fsync, read back, build the body, commit
/// the position (<see cref="EncodeQueueOnDiskAndBuildBody"/>).
/// </summary>
[MemoryDiagnoser]
public class PushBenchmarks
{
    private readonly List<MetricFamily> _families = NodeLikeFamilies.Create();
    private readonly CollectionEncoder _encoder = new([new("job", "exporter"), new("instance", "bench-host")]);
    private readonly BatchBody _body = new();
    private readonly byte[] _compressed = new byte[1 << 20];
    private string _dir = string.Empty;
    private DiskQueue? _queue;
    private long _timestamp = 1_700_000_000_000;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("push-bench-").FullName;
        _queue = DiskQueue.Open(_dir, 512L << 20, NullLogger.Instance);
        Console.WriteLine($"// {_families.Sum(f => f.Samples.Count)} samples, {Encode()} bytes compressed");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _queue?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int Encode()
    {
        var raw = _encoder.Encode(_families, _timestamp++, out _);
        return Snappy.Compress(raw, _compressed);
    }

    [Benchmark]
    public int EncodeQueueOnDiskAndBuildBody()
    {
        var raw = _encoder.Encode(_families, _timestamp++, out var samples);
        var length = Snappy.Compress(raw, _compressed);
        _queue!.Append(_compressed.AsSpan(0, length), _timestamp, samples);
        var batch = _queue.Read(ReceiverSender.MaxBatchBytes)!;
        var body = _body.Build(batch.Payloads, []);
        _queue.Commit(batch);
        return body.Length;
    }
}
