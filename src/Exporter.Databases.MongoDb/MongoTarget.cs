using Exporter.Core.Exposition;
using Exporter.Core.Security;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;
using MongoDB.Driver.Core.Servers;

namespace Exporter.Databases.MongoDb;

/// <summary>
/// One MongoDB server through the official driver: listDatabases, dbStats of every database and
/// serverStatus, with mongodb_exporter's names. The client (its pool and its server monitor) stays
/// between scrapes while the server answers; after a failure it is disposed and the next scrape
/// makes a new one, so a server that is down costs nothing between scrapes (no background
/// reconnecting) and a rotated password or CA file is read again.
/// </summary>
internal sealed class MongoTarget(MongoDbTargetOptions options, TimeSpan timeout, ILogger logger, TimeProvider timeProvider)
    : DatabaseTarget(options, timeout, logger, timeProvider)
{
    private MongoClient? _client;

    public static MetricDescriptor Up { get; } = new("mongodb_up", "Whether MongoDB is up.", MetricType.Gauge, "target");

    protected override async Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var kept = _client is not null;
        _client ??= new MongoClient(Settings(options, Timeout));
        try
        {
            MongoMetrics.Add(sink, Name, await MongoServerStats.ReadAsync(_client, cancellationToken).ConfigureAwait(false));
        }
        catch (MongoConnectionException) when (kept && !cancellationToken.IsCancellationRequested)
        {
            // The kept connection died between scrapes (server restart, idle timeout): not a reason
            // to report the server down. The driver has cleared its pool; ask once more.
            MongoMetrics.Add(sink, Name, await MongoServerStats.ReadAsync(_client, cancellationToken).ConfigureAwait(false));
        }
    }

    protected override void Reset()
    {
        _client?.Dispose();
        _client = null;
    }

    /// <summary>
    /// One server, directly (as mongodb_exporter with directConnection): no replica-set discovery.
    /// Every wait of the driver is bounded by the target's timeout; the server is polled by the
    /// driver's monitor (no streaming hello, which would hold a second connection open).
    /// </summary>
    internal static MongoClientSettings Settings(MongoDbTargetOptions options, TimeSpan timeout)
    {
        var settings = new MongoClientSettings
        {
            Server = new MongoServerAddress(options.Host, options.Port),
            DirectConnection = true,
            ApplicationName = "exporter",
            ConnectTimeout = timeout,
            ServerSelectionTimeout = timeout,
            SocketTimeout = timeout,
            ServerMonitoringMode = ServerMonitoringMode.Poll,
            MaxConnectionPoolSize = 1,
            MinConnectionPoolSize = 0,
            RetryReads = false,
            RetryWrites = false,
            UseTls = options.Tls,
        };
        if (options.User is { } user)
        {
            settings.Credential = new MongoCredential(
                "SCRAM-SHA-256", new MongoInternalIdentity(options.AuthDatabase, user), new PasswordEvidence(Secret.Resolve(options) ?? string.Empty));
        }

        if (options.Tls)
        {
            settings.SslSettings = new SslSettings { CheckCertificateRevocation = false };
            if (options.TlsCaFile is { } caFile)
            {
                // A private CA, as MongoDB deployments often use: trust it alone, not the system store.
                // The host name is still checked against the certificate. Read for every new client,
                // so a renewed CA is picked up.
                settings.SslSettings.ServerCertificateValidationCallback = PrivateCertificateAuthority.Callback(PrivateCertificateAuthority.Load(caFile));
            }
        }

        return settings;
    }

}
