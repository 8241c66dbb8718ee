using System.Data.Common;
using System.Globalization;
using Exporter.Core.Exposition;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Exporter.Databases.Postgres;

/// <summary>
/// One PostgreSQL server, with postgres_exporter's metric names plus a <c>target</c> label. Npgsql's
/// pool keeps the connection between scrapes; the password is handed to Npgsql by a provider, so it
/// is never part of a connection string that could end up in a message.
/// </summary>
internal sealed class PostgresTarget : DatabaseTarget
{
    private static readonly MetricDescriptor Static = new("pg_static", "Version string as reported by postgres", MetricType.Gauge, "target", "short_version", "version");
    private static readonly MetricDescriptor ActivityCount = new("pg_stat_activity_count", "number of connections in this state", MetricType.Gauge, "target", "datname", "state");
    private static readonly MetricDescriptor ActivityMaxTx = new("pg_stat_activity_max_tx_duration", "max duration in seconds any active transaction has been running", MetricType.Gauge, "target", "datname", "state");
    private static readonly MetricDescriptor DatabaseSize = new("pg_database_size_bytes", "Disk space used by the database", MetricType.Gauge, "target", "datname");
    private static readonly MetricDescriptor ConnectionLimit = new("pg_database_connection_limit", "Connection limit set for the database", MetricType.Gauge, "target", "datname");
    private static readonly MetricDescriptor MaxConnections = new("pg_settings_max_connections", "Sets the maximum number of concurrent connections.", MetricType.Gauge, "target");
    private static readonly MetricDescriptor SuperuserReserved = new("pg_settings_superuser_reserved_connections", "Sets the number of connection slots reserved for superusers.", MetricType.Gauge, "target");

    // pg_stat_database columns 2.. in query order, with postgres_exporter's types and help.
    private static readonly MetricDescriptor[] StatDatabase =
    [
        Stat("numbackends", "Number of backends currently connected to this database.", MetricType.Gauge),
        Stat("xact_commit", "Number of transactions in this database that have been committed"),
        Stat("xact_rollback", "Number of transactions in this database that have been rolled back"),
        Stat("blks_read", "Number of disk blocks read in this database"),
        Stat("blks_hit", "Number of times disk blocks were found already in the buffer cache"),
        Stat("tup_returned", "Number of rows returned by queries in this database"),
        Stat("tup_fetched", "Number of rows fetched by queries in this database"),
        Stat("tup_inserted", "Number of rows inserted by queries in this database"),
        Stat("tup_updated", "Number of rows updated by queries in this database"),
        Stat("tup_deleted", "Number of rows deleted by queries in this database"),
        Stat("conflicts", "Number of queries canceled due to conflicts with recovery in this database."),
        Stat("temp_files", "Number of temporary files created by queries in this database."),
        Stat("temp_bytes", "Total amount of data written to temporary files by queries in this database."),
        Stat("deadlocks", "Number of deadlocks detected in this database"),
        Stat("blk_read_time", "Time spent reading data file blocks by backends in this database, in milliseconds"),
        Stat("blk_write_time", "Time spent writing data file blocks by backends in this database, in milliseconds"),
        Stat("stats_reset", "Time at which these statistics were last reset"),
    ];

    private readonly NpgsqlDataSource _dataSource;

    public PostgresTarget(PostgresTargetOptions options, TimeSpan timeout, ILogger logger, TimeProvider timeProvider)
        : base(options, timeout, logger, timeProvider)
    {
        var seconds = (int)Math.Ceiling(timeout.TotalSeconds);
        // The slim builder: only the core types these queries return (text, integers, float8), and no
        // reflection, so it runs in a native (AOT) host; TLS is switched on explicitly.
        var builder = new NpgsqlSlimDataSourceBuilder(new NpgsqlConnectionStringBuilder
        {
            Host = options.Host,
            Port = options.Port,
            Username = options.User,
            Database = options.Database,
            SslMode = Enum.Parse<SslMode>(options.SslMode.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true),

            // Npgsql 10 tries GSSAPI encryption first by default ("prefer") and, when the login
            // fails, tries again on a second socket without it: two connection attempts per failing
            // scrape (measured, see docs/dependencies.md). postgres_exporter's driver has no GSSAPI
            // encryption either; encryption is sslmode's.
            GssEncryptionMode = GssEncryptionMode.Disable,
            Timeout = seconds,
            CommandTimeout = seconds,
            CancellationTimeout = 500,
            ApplicationName = "exporter",
            Pooling = true,
            MaxPoolSize = 2,
        }.ConnectionString);
        builder.EnableTransportSecurity();
        builder.UsePasswordProvider(_ => Secret.Resolve(options) ?? string.Empty, (_, _) => ValueTask.FromResult(Secret.Resolve(options) ?? string.Empty));
        _dataSource = builder.Build();
    }

    public static MetricDescriptor Up { get; } = new("pg_up", "Whether the last scrape of metrics from PostgreSQL was able to connect to the server (1 for yes, 0 for no).", MetricType.Gauge, "target");

    protected override async Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var target = Name;

        await ForEachRowAsync(
            connection,
            PostgresQueries.Version,
            row => sink.Add(Static, 1, target, PostgresQueries.ShortVersion(row.GetString(1)), row.GetString(0)),
            cancellationToken);
        await ForEachRowAsync(
            connection,
            PostgresQueries.Settings,
            row => sink.Add(row.GetString(0) == "max_connections" ? MaxConnections : SuperuserReserved, row.GetDouble(1), target),
            cancellationToken);
        await ForEachRowAsync(
            connection,
            PostgresQueries.Activity,
            row =>
            {
                sink.Add(ActivityCount, Number(row, 2), target, row.GetString(0), row.GetString(1));
                sink.Add(ActivityMaxTx, Number(row, 3), target, row.GetString(0), row.GetString(1));
            },
            cancellationToken);
        await ForEachRowAsync(
            connection,
            PostgresQueries.StatDatabase,
            row =>
            {
                for (var i = 0; i < StatDatabase.Length; i++)
                {
                    if (!row.IsDBNull(i + 2))
                    {
                        sink.Add(StatDatabase[i], Number(row, i + 2), target, row.GetString(0), row.GetString(1));
                    }
                }
            },
            cancellationToken);
        await ForEachRowAsync(
            connection,
            PostgresQueries.DatabaseSize,
            row =>
            {
                sink.Add(DatabaseSize, Number(row, 1), target, row.GetString(0));
                sink.Add(ConnectionLimit, Number(row, 2), target, row.GetString(0));
            },
            cancellationToken);
    }

    // Columns come as int4, int8, float8 or numeric depending on the server version.
    private static double Number(DbDataReader row, int column) =>
        Convert.ToDouble(row.GetValue(column), CultureInfo.InvariantCulture);

    // The pool keeps connections that may have died with the server; a failure empties it.
    protected override void Reset() => _dataSource.Clear();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dataSource.Dispose();
        }

        base.Dispose(disposing);
    }

    private static MetricDescriptor Stat(string column, string help, MetricType type = MetricType.Counter) =>
        new($"pg_stat_database_{column}", help, type, "target", "datid", "datname");

    private static async Task ForEachRowAsync(NpgsqlConnection connection, string sql, Action<DbDataReader> onRow, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            onRow(reader);
        }
    }
}
