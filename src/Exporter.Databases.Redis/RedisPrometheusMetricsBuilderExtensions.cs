using Exporter.Databases;
using Exporter.Databases.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Redis to the Prometheus metrics endpoint.</summary>
public static class RedisPrometheusMetricsBuilderExtensions
{
    /// <summary>
    /// Scrapes the Redis servers listed under <c>Exporter:Databases:Redis</c> (see <see cref="DatabaseOptions.Redis"/>)
    /// in every scrape, under redis_exporter's names (<c>redis_up</c>, <c>redis_db_keys</c>, ...), each series labelled with its target's name.
    /// The <c>redis</c> collector runs as soon as a target is configured. Calling it again adds nothing.
    /// </summary>
    /// <param name="builder">What <c>AddPrometheusMetrics</c> returned.</param>
    public static PrometheusMetricsBuilder AddRedis(this PrometheusMetricsBuilder builder) =>
        DatabaseRegistration.AddDatabase(builder, "redis", RedisTarget.Up, o => o.Redis, (t, timeout, log, time) => new RedisTarget(t, timeout, log, time));
}
