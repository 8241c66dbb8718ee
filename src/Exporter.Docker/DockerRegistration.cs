using Exporter.Core;
using Exporter.Core.Collection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exporter.Docker;

/// <summary>The docker collector: on by default when the engine's socket exists at start-up.</summary>
internal static class DockerRegistration
{
    internal const string Name = "docker";

    public static PrometheusMetricsBuilder Add(PrometheusMetricsBuilder builder)
    {
        if (builder.Services.Any(d => d.ImplementationInstance is CollectorRegistration { Name: Name }))
        {
            return builder;
        }

        builder.AddCollector(new CollectorRegistration(Name, true, Create, EngineConfigured));
        builder.AddCollectorOptions<DockerOptions>(Name, (section, options) => section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true));
        builder.Services.AddSingleton<IValidateOptions<DockerOptions>, DockerOptionsValidator>();
        return builder;
    }

    private static DockerCollector Create(IServiceProvider services) => new(
        services.GetRequiredService<IOptions<DockerOptions>>().Value,
        services.GetRequiredService<IOptions<PrometheusMetricsOptions>>().Value.CollectorTimeout,
        services.GetRequiredService<HostPaths>(),
        services.GetRequiredService<ILoggerFactory>().CreateLogger<DockerCollector>(),
        services.GetService<TimeProvider>() ?? TimeProvider.System);

    /// <summary>
    /// Decided once, when the scraper starts: a unix socket that exists (readable or not: a socket
    /// we may not open is docker_up 0 with the reason logged, which is what its owner wants to see),
    /// or a tcp:// engine someone configured. No socket, no collector, unless --collector.docker.
    /// </summary>
    internal static bool EngineConfigured(IServiceProvider services)
    {
        try
        {
            var endpoint = services.GetRequiredService<IOptions<DockerOptions>>().Value.Endpoint();
            return endpoint.SocketPath is not { } path || File.Exists(path);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
