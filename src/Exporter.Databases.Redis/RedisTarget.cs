using Exporter.Core.Exposition;
using Microsoft.Extensions.Logging;

namespace Exporter.Databases.Redis;

/// <summary>
/// One Redis server: INFO, parsed and mapped to redis_exporter's names. The connection stays open
/// between scrapes and is opened again after a failure.
/// </summary>
internal sealed class RedisTarget(RedisTargetOptions options, TimeSpan timeout, ILogger logger, TimeProvider timeProvider) : DatabaseTarget(options, timeout, logger, timeProvider)
{
    private RedisConnection? _connection;

    public static MetricDescriptor Up { get; } = new("redis_up", "Information about the Redis instance", MetricType.Gauge, "target");

    protected override async Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        _connection ??= await RedisConnection.OpenAsync(options, cancellationToken);
        var reply = await _connection.CommandAsync(cancellationToken, "INFO");
        if (reply.IsError)
        {
            // e.g. "NOAUTH Authentication required." when no password is configured.
            throw new IOException($"INFO failed: {reply.Text}");
        }

        if (reply is not { Kind: RespKind.BulkString, Text: { } text })
        {
            throw new FormatException($"redis: INFO answered with {reply.Kind}, not a bulk string");
        }

        RedisMetrics.Add(sink, Name, RedisInfoParser.Parse(text));
    }

    protected override void Reset()
    {
        _connection?.Dispose();
        _connection = null;
    }
}
