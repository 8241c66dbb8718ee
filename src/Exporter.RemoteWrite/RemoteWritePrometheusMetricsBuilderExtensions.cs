using Exporter.Core;
using Exporter.Core.Collection;
using Exporter.RemoteWrite;
using Exporter.RemoteWrite.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds push mode (Prometheus remote write) to the exporter.</summary>
public static class RemoteWritePrometheusMetricsBuilderExtensions
{
    /// <summary>
    /// Pushes every collection to the receivers configured in <paramref name="configuration"/> (usually
    /// <c>Configuration.GetSection("Exporter:Push")</c>), then configured in code. Without receivers
    /// it does nothing. /metrics keeps serving; push mode's own metrics (exporter_push_*) join it.
    /// </summary>
    public static PrometheusMetricsBuilder AddRemoteWrite(
        this PrometheusMetricsBuilder builder, IConfiguration? configuration, Action<RemoteWriteOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<RemoteWriteOptions>();
        if (configuration is not null)
        {
            // A misspelt key is an error at start-up, not a setting silently ignored.
            options.Bind(configuration, binder => binder.ErrorOnUnknownConfiguration = true);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RemoteWriteOptions>, RemoteWriteOptionsValidator>());
        if (services.Any(d => d.ServiceType == typeof(PushReceivers)))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PushReceivers>();
        services.AddSingleton<PushService>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<PushService>());

        // Push mode's own metrics run whenever there are receivers, also with --collector.disable-defaults
        // (they are the exporter's, not a host collector); without receivers there is nothing to report.
        services.AddOptions<PrometheusMetricsOptions>().PostConfigure<IOptions<RemoteWriteOptions>>((metrics, push) =>
        {
            if (push.Value.Receivers.Count > 0)
            {
                metrics.Collectors.TryAdd(PushCollector.CollectorName, true);
            }
        });
        return builder.AddCollector(new CollectorRegistration(
            PushCollector.CollectorName,
            EnabledByDefault: false,
            sp => new PushCollector(sp.GetRequiredService<PushReceivers>(), sp.GetRequiredService<TimeProvider>())));
    }

    /// <summary>Pushes every collection to the receivers configured in code.</summary>
    public static PrometheusMetricsBuilder AddRemoteWrite(this PrometheusMetricsBuilder builder, Action<RemoteWriteOptions> configure) =>
        builder.AddRemoteWrite(configuration: null, configure);
}
