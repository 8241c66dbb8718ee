using Exporter.Core.Collection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exporter.Core.Databases.Mongo;

/// <summary>
/// The MongoDB collector. On by default: with no targets configured it emits nothing, so it costs
/// nothing until Exporter:mongodb:Targets lists a server.
/// </summary>
internal static class MongoCollectors
{
    public static IReadOnlyList<CollectorRegistration> Registrations { get; } =
    [
        new("mongodb", true, sp => new MongoCollector(sp.GetRequiredService<IOptions<MongoOptions>>().Value, sp.GetRequiredService<ILogger<MongoCollector>>())),
    ];

    public static void AddOptions(IServiceCollection services)
    {
        services.AddCollectorOptions<MongoOptions>("mongodb");
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MongoOptions>, MongoOptionsValidator>());
    }
}
