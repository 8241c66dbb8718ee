using Exporter.Databases;
using Exporter.Databases.Postgres;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds PostgreSQL to the Prometheus metrics endpoint.</summary>
public static class PostgresPrometheusMetricsBuilderExtensions
{
    /// <summary>
    /// Scrapes the PostgreSQL servers listed under <c>Exporter:Databases:Postgres</c> (see <see cref="DatabaseOptions.Postgres"/>)
    /// in every scrape, under postgres_exporter's names (<c>pg_up</c>, <c>pg_stat_database_*</c>, ...), each series labelled with its target's name.
    /// The <c>postgres</c> collector runs as soon as a target is configured. Calling it again adds nothing.
    /// </summary>
    /// <param name="builder">What <c>AddPrometheusMetrics</c> returned.</param>
    public static PrometheusMetricsBuilder AddPostgres(this PrometheusMetricsBuilder builder) =>
        DatabaseRegistration.AddDatabase(builder, "postgres", PostgresTarget.Up, o => o.Postgres, (t, timeout, log, time) => new PostgresTarget(t, timeout, log, time));
}
