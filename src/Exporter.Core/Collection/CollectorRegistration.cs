namespace Exporter.Core.Collection;

/// <summary>
/// A collector the scraper knows by name: whether it runs when no flag says otherwise, and how to
/// create it. Registered in DI; see <c>AddCollector</c>.
/// </summary>
public sealed record CollectorRegistration(string Name, bool EnabledByDefault, Func<IServiceProvider, ICollector> Factory);
