namespace Exporter.Databases.Postgres;

/// <summary>
/// The SQL behind each metric, as postgres_exporter runs it, so the numbers mean the same. Needs a
/// role with pg_monitor (pg_stat_activity of other users, pg_database_size of every database).
/// </summary>
internal static class PostgresQueries
{
    public const string Version = "SELECT version(), current_setting('server_version')";

    public const string Settings =
        "SELECT name, setting::float8 FROM pg_settings WHERE name IN ('max_connections', 'superuser_reserved_connections')";

    // postgres_exporter's query: every database crossed with every state, so a state with no
    // connections is an explicit 0 rather than a missing series.
    public const string Activity = """
        SELECT pg_database.datname, tmp.state, COALESCE(count, 0) AS count, COALESCE(max_tx_duration, 0) AS max_tx_duration
        FROM (VALUES ('active'), ('idle'), ('idle in transaction'), ('idle in transaction (aborted)'),
                     ('fastpath function call'), ('disabled')) AS tmp(state)
        CROSS JOIN pg_database
        LEFT JOIN (SELECT datname, state, count(*) AS count,
                          MAX(EXTRACT(EPOCH FROM now() - xact_start))::float8 AS max_tx_duration
                   FROM pg_stat_activity GROUP BY datname, state) AS tmp2
          ON tmp.state = tmp2.state AND pg_database.datname = tmp2.datname
        """;

    // The row with a NULL datname (shared catalogs) is skipped, as postgres_exporter does.
    public const string StatDatabase = """
        SELECT datid::text, datname, numbackends, xact_commit, xact_rollback, blks_read, blks_hit,
               tup_returned, tup_fetched, tup_inserted, tup_updated, tup_deleted, conflicts,
               temp_files, temp_bytes, deadlocks, blk_read_time, blk_write_time,
               EXTRACT(EPOCH FROM stats_reset)::float8
        FROM pg_stat_database WHERE datname IS NOT NULL
        """;

    public const string DatabaseSize = "SELECT datname, pg_database_size(datname)::float8, datconnlimit FROM pg_database";

    /// <summary>
    /// postgres_exporter's short_version: "15.4 (Debian 15.4-1.pgdg120+1)" → "15.4.0", "16beta1" → "16.0.0".
    /// </summary>
    public static string ShortVersion(string serverVersion)
    {
        var end = 0;
        while (end < serverVersion.Length && (char.IsAsciiDigit(serverVersion[end]) || serverVersion[end] == '.'))
        {
            end++;
        }

        var parts = serverVersion[..end].Split('.', StringSplitOptions.RemoveEmptyEntries).Take(3).ToList();
        if (parts.Count == 0)
        {
            return "0.0.0";
        }

        while (parts.Count < 3)
        {
            parts.Add("0");
        }

        return string.Join('.', parts);
    }
}
