using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Host.Web;

/// <summary>
/// Whether the last reload of the web configuration file worked, named after Prometheus' own
/// prometheus_config_last_reload_successful, so the same kind of alert fits. Only with a file.
/// </summary>
internal sealed class WebConfigCollector(WebConfigReloader reloader) : ICollector
{
    public const string CollectorName = "web_config";

    private static readonly MetricDescriptor Successful = new(
        "exporter_web_config_last_reload_successful", "Whether the last reload of the web configuration file (--web.config.file) succeeded.", MetricType.Gauge);

    private static readonly MetricDescriptor SuccessTime = new(
        "exporter_web_config_last_reload_success_timestamp_seconds", "Time of the last successful load of the web configuration file.", MetricType.Gauge);

    public string Name => CollectorName;

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        _ = reloader.Current; // a scrape sees the file as it is now, even when nothing else asked
        sink.Add(Successful, reloader.LastReloadSuccessful ? 1 : 0);
        sink.Add(SuccessTime, reloader.LastSuccess.ToUnixTimeMilliseconds() / 1000.0);
        return Task.CompletedTask;
    }
}
