using Exporter.Core.Collection;
using Exporter.Core.Databases;
using Exporter.Core.Docker;
using Exporter.Core.Databases.Mongo;
using Exporter.Core.Linux;
using Microsoft.Extensions.DependencyInjection;

namespace Exporter.Core;

/// <summary>Every collector that ships with the library, by area.</summary>
public static class BuiltInCollectors
{
    public static IReadOnlyList<CollectorRegistration> All { get; } = [.. LinuxCollectors.Registrations, .. DatabaseCollectors.Registrations, .. DockerCollectors.Registrations, .. MongoCollectors.Registrations];

    /// <summary>Names known to --collector.NAME and collect[]=NAME.</summary>
    public static IEnumerable<string> Names => All.Select(r => r.Name);

    internal static void AddOptions(IServiceCollection services)
    {
        LinuxCollectors.AddOptions(services);
        DatabaseCollectors.AddOptions(services);
        DockerCollectors.AddOptions(services);
        MongoCollectors.AddOptions(services);
    }
}
