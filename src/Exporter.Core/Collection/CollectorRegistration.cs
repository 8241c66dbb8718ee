namespace Exporter.Core.Collection;

/// <summary>
/// A collector the scraper knows by name: whether it runs when no flag says otherwise, and how to
/// create it. Registered in DI; see <c>PrometheusMetricsBuilder.AddCollector</c>. <paramref name="EnabledByDefaultWhen"/>, when
/// given, narrows the default at start-up (e.g. docker: only when the engine's socket exists).
/// </summary>
public sealed record CollectorRegistration(
    string Name, bool EnabledByDefault, Func<IServiceProvider, ICollector> Factory, Func<IServiceProvider, bool>? EnabledByDefaultWhen = null);
