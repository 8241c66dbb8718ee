using Exporter.Core.Exposition;
using Exporter.Databases;
using Exporter.Databases.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Exporter.DatabaseFailureBench;

/// <summary>
/// The Redis collector's target on StackExchange.Redis instead of the own RESP client: the same INFO,
/// parser and names. <paramref name="keep"/> false: a multiplexer per connection, disposed after any
/// failure as the own client's connection is (what the collector would ship). True: one multiplexer
/// for the target's life, reconnecting by itself, as applications use the library.
/// </summary>
internal sealed class StackExchangeRedisTarget(RedisTargetOptions options, TimeSpan timeout, ILogger logger, TimeProvider time, bool keep)
    : DatabaseTarget(options, timeout, logger, time)
{
    private ConnectionMultiplexer? _multiplexer;

    protected override async Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        _multiplexer ??= await ConnectionMultiplexer.ConnectAsync(Configuration(options, Timeout, keep));
        var server = _multiplexer.GetServer(options.Host, options.Port);
        var text = await server.InfoRawAsync().WaitAsync(cancellationToken);
        RedisMetrics.Add(sink, Name, RedisInfoParser.Parse(text ?? throw new InvalidDataException("redis: INFO answered nothing")));
    }

    protected override void Reset()
    {
        if (!keep)
        {
            _multiplexer?.Dispose();
            _multiplexer = null;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _multiplexer?.Dispose();
            _multiplexer = null;
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Settings for one INFO per scrape: admin commands allowed (INFO is one to the library), every
    /// wait bounded by the target's timeout, one connect attempt per scrape, no pub/sub connection
    /// (no subscription command, no configuration channel), no periodic topology or role checks.
    /// </summary>
    internal static ConfigurationOptions Configuration(RedisTargetOptions options, TimeSpan timeout, bool keep)
    {
        var milliseconds = (int)Math.Ceiling(timeout.TotalMilliseconds);
        var configuration = new ConfigurationOptions
        {
            AllowAdmin = true,
            AbortOnConnectFail = !keep,
            ConnectRetry = 1,
            ConnectTimeout = milliseconds,
            SyncTimeout = milliseconds,
            AsyncTimeout = milliseconds,
            ClientName = "exporter",
            User = options.User,
            Password = Secret.Resolve(options),
            Ssl = options.Tls,
            SslHost = options.Tls ? options.TlsServerName ?? options.Host : null,
            CheckCertificateRevocation = false,
            ConfigurationChannel = string.Empty,
            ConfigCheckSeconds = 0,
            TopologyRefreshSeconds = 0,
            CommandMap = CommandMap.Create(["SUBSCRIBE", "UNSUBSCRIBE", "PSUBSCRIBE", "PUNSUBSCRIBE", "SSUBSCRIBE", "SUNSUBSCRIBE"], available: false),
        };
        configuration.EndPoints.Add(options.Host, options.Port);
        if (options.TlsCaFile is { } caFile)
        {
            configuration.TrustIssuer(caFile);
        }

        return configuration;
    }
}
