using Exporter.Core.Collection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exporter.Core.Processes;

/// <summary>The process groups collector: off by default (enable with --collector.procgroups).</summary>
internal static class ProcessGroupsCollectors
{
    public static IReadOnlyList<CollectorRegistration> Registrations { get; } =
    [
        new("procgroups", false, sp => new ProcessGroupsCollector(
            sp.GetRequiredService<HostPaths>(), sp.GetRequiredService<IOptions<ProcessGroupsOptions>>())),
    ];

    public static void AddOptions(PrometheusMetricsBuilder builder)
    {
        builder.AddCollectorOptions<ProcessGroupsOptions>("procgroups", (s, o) => s.Bind(o, PrometheusMetricsBuilder.Strict))
            .Validate(o => o.IsValid, "procgroups: top-n must be 0 (all groups) or more, and top-by cpu or memory");
    }
}
