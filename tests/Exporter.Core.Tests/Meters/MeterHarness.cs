using System.Buffers;
using System.Diagnostics.Metrics;
using System.Text;
using Exporter.Core.Exposition;
using Exporter.Core.Meters;
using Exporter.TestSupport.Exposition;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exporter.Core.Tests.Meters;

/// <summary>
/// A meter of its own (a unique name, so tests running in parallel never see each other's
/// instruments), a bridge that exports only it, and its scrape encoded and parsed.
/// </summary>
internal sealed class MeterHarness : IDisposable
{
    private readonly MeterBridge _bridge;
    private readonly MetersCollector _collector;

    public MeterHarness(Action<MeterExportOptions>? configure = null, string? version = null, ILogger? logger = null, TimeProvider? clock = null)
    {
        MeterName = "Tests." + Guid.NewGuid().ToString("N");
        Options = new MeterExportOptions { BuiltInMeters = false };
        Options.Include.Add(MeterName);
        configure?.Invoke(Options);
        Meter = new Meter(MeterName, version);
        _bridge = new MeterBridge(Options, meterFactory: null, clock ?? TimeProvider.System, logger ?? NullLogger.Instance);
        _collector = new MetersCollector(_bridge, Options, logger ?? NullLogger.Instance);
    }

    public string MeterName { get; }

    public Meter Meter { get; }

    public MeterExportOptions Options { get; }

    /// <summary>One collection, as the scraper runs it.</summary>
    public IReadOnlyList<MetricFamily> Collect()
    {
        var sink = new MetricSink();
        _collector.CollectAsync(sink, CancellationToken.None).GetAwaiter().GetResult();
        return [.. sink.Families.OrderBy(f => f.Descriptor.Name, StringComparer.Ordinal)];
    }

    public string Render(ExpositionFormat format = ExpositionFormat.Text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        ExpositionWriter.Write(buffer, Collect(), format);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public ParsedExposition Scrape(ExpositionFormat format = ExpositionFormat.Text) => ExpositionParser.Parse(Render(format));

    public void Dispose()
    {
        Meter.Dispose();
        _bridge.Dispose();
    }
}
