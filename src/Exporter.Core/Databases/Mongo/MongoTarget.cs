namespace Exporter.Core.Databases.Mongo;

/// <summary>
/// One configured server and its connection, kept open between scrapes and opened again after any
/// failure. The scraper never runs a collector twice at once, so one scrape at a time uses it.
/// </summary>
internal sealed class MongoTarget(MongoTargetOptions options) : IAsyncDisposable
{
    private MongoConnection? _connection;

    public MongoTargetOptions Options => options;

    /// <summary>The last error logged, so the same failure is logged once, not every scrape.</summary>
    public string? LastError { get; set; }

    public async Task<MongoServerStats> ScrapeAsync(CancellationToken cancellationToken)
    {
        string? password = null;
        try
        {
            if (_connection is not null)
            {
                try
                {
                    return await MongoServerStats.ReadAsync(_connection, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    // The kept connection died between scrapes (server restart, idle timeout):
                    // not a reason to report the server down. Open a new one below, once.
                    await DisposeAsync().ConfigureAwait(false);
                }
            }

            var (host, port) = options.ParseAddress();
            password = options.Username is null ? null : options.ReadPassword();
            var trustedCa = options.ReadTlsCa();
            _connection = await MongoConnection.OpenAsync(host, port, options.Tls, trustedCa, options.Username, password, options.AuthDatabase, cancellationToken).ConfigureAwait(false);
            return await MongoServerStats.ReadAsync(_connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await DisposeAsync().ConfigureAwait(false);
            if (e is OperationCanceledException)
            {
                throw;
            }

            // Defence in depth: no message built here holds the password, but one from the server or
            // the OS might echo what it was sent.
            var message = e.Message;
            if (!string.IsNullOrEmpty(password) && message.Contains(password, StringComparison.Ordinal))
            {
                message = message.Replace(password, "<secret>", StringComparison.Ordinal);
            }

            throw new MongoException(message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        var connection = _connection;
        _connection = null;
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
