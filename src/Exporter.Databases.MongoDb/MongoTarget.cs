using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Exporter.Core.Exposition;
using Microsoft.Extensions.Logging;

namespace Exporter.Databases.MongoDb;

/// <summary>
/// One MongoDB server: serverStatus and dbStats of every database, with mongodb_exporter's names.
/// The connection stays open between scrapes and is opened again after a failure.
/// </summary>
internal sealed class MongoTarget(MongoDbTargetOptions options, TimeSpan timeout, ILogger logger, TimeProvider timeProvider) : DatabaseTarget(options, timeout, logger, timeProvider)
{
    private MongoConnection? _connection;

    public static MetricDescriptor Up { get; } = new("mongodb_up", "Whether MongoDB is up.", MetricType.Gauge, "target");

    protected override async Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            try
            {
                MongoMetrics.Add(sink, Name, await MongoServerStats.ReadAsync(_connection, cancellationToken).ConfigureAwait(false));
                return;
            }
            catch (IOException)
            {
                // The kept connection died between scrapes (server restart, idle timeout): not a
                // reason to report the server down. Open a new one below, once.
                Reset();
            }
        }

        _connection = await MongoConnection.OpenAsync(
            options.Host, options.Port, options.Tls, ReadTlsCa(options.TlsCaFile),
            options.User, options.User is null ? null : Secret.Resolve(options), options.AuthDatabase, cancellationToken).ConfigureAwait(false);
        MongoMetrics.Add(sink, Name, await MongoServerStats.ReadAsync(_connection, cancellationToken).ConfigureAwait(false));
    }

    protected override void Reset()
    {
        _connection?.Dispose();
        _connection = null;
    }

    /// <summary>The CA certificates to trust, read at every connection so a renewed CA is picked up.</summary>
    private static X509Certificate2Collection? ReadTlsCa(string? file)
    {
        if (file is null)
        {
            return null;
        }

        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new IOException($"tls_ca_file {file} cannot be read: {e.Message}", e);
        }

        return certificates.Count > 0 ? certificates : throw new IOException($"tls_ca_file {file} holds no certificate");
    }
}
