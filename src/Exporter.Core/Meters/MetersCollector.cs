using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Microsoft.Extensions.Logging;

namespace Exporter.Core.Meters;

/// <summary>
/// The <c>meters</c> collector: the app's System.Diagnostics.Metrics instruments, in the same scrape
/// as every other collector. Each collection runs the observable instruments' callbacks once and
/// hands the scraper live families, written from the instruments' series when the body is encoded.
/// </summary>
internal sealed class MetersCollector : ICollector
{
    private static readonly MetricDescriptor Overflow = new(
        "exporter_meter_overflow_measurements_total",
        "Measurements folded into an instrument's otel_metric_overflow series because it had reached its series limit.",
        MetricType.Counter, "otel_scope_name", "instrument");

    private readonly MeterBridge _bridge;
    private readonly ILogger _logger;
    private readonly MetricDescriptor? _targetInfo;
    private readonly string[] _targetValues = [];
    private readonly HashSet<InstrumentState> _overflowLogged = [];

    public MetersCollector(MeterBridge bridge, MeterExportOptions options, ILogger logger)
    {
        _bridge = bridge;
        _logger = logger;
        if (options.Resource.Count > 0)
        {
            // Specification, "Resource Attributes": one target_info info metric with the resource's
            // attributes as labels (escaped like attribute keys; same-name keys joined with ';').
            var labels = options.Resource
                .GroupBy(r => PrometheusNaming.LabelName(r.Key, MetricNameTranslation.UnderscoreEscapingWithSuffixes), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToArray();
            _targetInfo = new MetricDescriptor("target_info", "Target metadata", MetricType.Info, [.. labels.Select(g => g.Key)]);
            _targetValues = [.. labels.Select(g => string.Join(';', g.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value)))];
        }
    }

    public string Name => "meters";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        _bridge.Observe();
        foreach (var family in _bridge.Families())
        {
            sink.AddFamily(family.ToMetricFamily());
            foreach (var instrument in family.Instruments)
            {
                if (instrument.OverflowMeasurements is var folded and > 0)
                {
                    sink.Add(Overflow, folded, instrument.Instrument.Meter.Name, instrument.Instrument.Name);
                    if (_overflowLogged.Add(instrument))
                    {
                        MeterLog.Overflow(_logger, instrument.Instrument.Name, instrument.Instrument.Meter.Name);
                    }
                }
            }
        }

        if (_targetInfo is not null)
        {
            sink.Add(_targetInfo, 1, _targetValues);
        }

        return Task.CompletedTask;
    }
}
