using Exporter.Databases;
using Exporter.Databases.MongoDb;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds MongoDB to the Prometheus metrics endpoint.</summary>
public static class MongoDbPrometheusMetricsBuilderExtensions
{
    /// <summary>
    /// Scrapes the MongoDB servers listed under <c>Exporter:Databases:MongoDb</c> (see <see cref="DatabaseOptions.MongoDb"/>)
    /// in every scrape, under mongodb_exporter's names (<c>mongodb_up</c>, <c>mongodb_dbstats_*</c>, ...), each series labelled with its target's name.
    /// The <c>mongodb</c> collector runs as soon as a target is configured. Calling it again adds nothing.
    /// </summary>
    /// <param name="builder">What <c>AddPrometheusMetrics</c> returned.</param>
    public static PrometheusMetricsBuilder AddMongoDb(this PrometheusMetricsBuilder builder) =>
        DatabaseRegistration.AddDatabase(builder, "mongodb", MongoTarget.Up, o => o.MongoDb, (t, timeout, log, time) => new MongoTarget(t, timeout, log, time));
}
