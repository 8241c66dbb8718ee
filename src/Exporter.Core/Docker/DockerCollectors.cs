using Exporter.Core.Collection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exporter.Core.Docker;

/// <summary>The docker collector: on by default when the engine's socket exists at start-up.</summary>
internal static class DockerCollectors
{
    public static IReadOnlyList<CollectorRegistration> Registrations { get; } =
    [
        new("docker", true, Create, EngineConfigured),
    ];

    public static void AddOptions(PrometheusMetricsBuilder builder)
    {
        builder.AddCollectorOptions<DockerOptions>("docker");
        builder.Services.AddSingleton<IValidateOptions<DockerOptions>, DockerOptionsValidator>();
    }

    private static DockerCollector Create(IServiceProvider services) => new(
        services.GetRequiredService<IOptions<DockerOptions>>().Value,
        services.GetRequiredService<IOptions<PrometheusMetricsOptions>>().Value.CollectorTimeout,
        services.GetRequiredService<HostPaths>(),
        services.GetRequiredService<ILoggerFactory>().CreateLogger<DockerCollector>());

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

/// <summary>Bad docker settings fail at start-up with a clear message.</summary>
internal sealed class DockerOptionsValidator : IValidateOptions<DockerOptions>
{
    public ValidateOptionsResult Validate(string? name, DockerOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Host))
        {
            try
            {
                DockerEndpoint.Parse(options.Host, options.Tls ?? false);
            }
            catch (FormatException e)
            {
                errors.Add(e.Message);
            }
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"docker: timeout must be positive, got {options.Timeout}");
        }

        if (options.MaxParallel is < 1 or > 1024)
        {
            errors.Add($"docker: max-parallel must be between 1 and 1024, got {options.MaxParallel}");
        }

        var clashes = options.LabelKeys.GroupBy(DockerDescriptors.LabelName, StringComparer.Ordinal).Where(g => g.Count() > 1);
        foreach (var clash in clashes)
        {
            errors.Add($"docker: labels {string.Join(" and ", clash)} would both become {clash.Key}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
