using Microsoft.Extensions.Configuration.Memory;

namespace Exporter.Host;

/// <summary>Defaults of the host that differ from the library's; appsettings.json, environment and flags override them.</summary>
internal static class HostSettingDefaults
{
    /// <summary>
    /// The host exports the machine, as node_exporter does: its own .NET runtime and Kestrel meters
    /// (the <c>meters</c> collector, on by default in apps that embed the library) are off unless
    /// asked for with <c>--collector.meters</c>.
    /// </summary>
    public static void Add(IConfigurationBuilder configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new("Exporter:Collectors:meters", "false")],
        });
}
