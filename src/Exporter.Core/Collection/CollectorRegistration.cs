namespace Exporter.Core.Collection;

/// <summary>
/// A collector the scraper knows by name: whether it runs when no flag says otherwise, and how to
/// create it. Registered in DI; see <c>PrometheusMetricsBuilder.AddCollector</c>. <paramref name="EnabledByDefaultWhen"/>, when
/// given, narrows the default at start-up (e.g. docker: only when the engine's socket exists).
/// </summary>
/// <param name="Name">The collector's name, as <c>--collector.NAME</c>, <c>Exporter:Collectors:NAME</c> and <c>collect[]=NAME</c> know it.</param>
/// <param name="EnabledByDefault">Whether it runs when no setting names it.</param>
/// <param name="Factory">Creates the collector once, when the scraper starts, from the app's services.</param>
/// <param name="EnabledByDefaultWhen">Asked once at start-up when the collector is on by default; false turns it off. Null: no condition.</param>
public sealed record CollectorRegistration(
    string Name, bool EnabledByDefault, Func<IServiceProvider, ICollector> Factory, Func<IServiceProvider, bool>? EnabledByDefaultWhen = null);
