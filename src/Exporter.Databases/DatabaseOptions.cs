namespace Exporter.Databases;

/// <summary>
/// The database targets to scrape, bound from <c>Exporter:Databases</c> (appsettings.json, environment
/// variables such as <c>Exporter__Databases__Postgres__0__Name</c>, or the exporter host's YAML file).
/// Every kind's settings live here, client-free, so one strict binding catches a typo in any of them;
/// each kind is scraped by its own package (<c>AddPostgres()</c>, <c>AddRedis()</c>, <c>AddMongoDb()</c>).
/// See docs/databases.md.
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>PostgreSQL servers (package Exporter.Databases.Postgres).</summary>
    public List<PostgresTargetOptions> Postgres { get; set; } = [];

    /// <summary>Redis servers (package Exporter.Databases.Redis).</summary>
    public List<RedisTargetOptions> Redis { get; set; } = [];

    /// <summary>MongoDB servers (package Exporter.Databases.MongoDb).</summary>
    public List<MongoDbTargetOptions> MongoDb { get; set; } = [];
}

/// <summary>What every target has: a name (the <c>target</c> label), a secret and a timeout.</summary>
public abstract class DatabaseTargetOptions
{
    /// <summary>Default time one target may take; well under the 5 s collector timeout.</summary>
    internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The value of the <c>target</c> label on every series of this target. Required, unique per kind.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Host name or IP address of the server; default <c>127.0.0.1</c>.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>User name (PostgreSQL role, Redis ACL user, MongoDB user). Optional for Redis and MongoDB.</summary>
    public string? User { get; set; }

    /// <summary>The password itself. Discouraged: it then sits in the config file; prefer a file or a variable.</summary>
    public string? Password { get; set; }

    /// <summary>A file holding the password (e.g. a Docker or Kubernetes secret); a trailing newline is dropped.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>An environment variable holding the password.</summary>
    public string? PasswordEnv { get; set; }

    /// <summary>How long this target may take to connect and answer; <see cref="DefaultTimeout"/> when not set.</summary>
    public TimeSpan? Timeout { get; set; }

    internal abstract string Kind { get; }
}

/// <summary>A PostgreSQL server.</summary>
public sealed class PostgresTargetOptions : DatabaseTargetOptions
{
    /// <summary>TCP port of the server; default 5432.</summary>
    public int Port { get; set; } = 5432;

    /// <summary>The database to connect to; every database of the cluster is reported from there.</summary>
    public string Database { get; set; } = "postgres";

    /// <summary>disable, allow, prefer, require, verify-ca or verify-full (libpq's sslmode).</summary>
    public string SslMode { get; set; } = "prefer";

    internal override string Kind => "postgres";
}

/// <summary>A Redis server.</summary>
public sealed class RedisTargetOptions : DatabaseTargetOptions
{
    /// <summary>TCP port of the server; default 6379.</summary>
    public int Port { get; set; } = 6379;

    /// <summary>Connect with TLS (Redis' tls-port).</summary>
    public bool Tls { get; set; }

    /// <summary>The name the server's certificate must carry; <see cref="DatabaseTargetOptions.Host"/> when not set.</summary>
    public string? TlsServerName { get; set; }

    /// <summary>A PEM file with the CA certificate(s) that signed the server's certificate (instead of the system's).</summary>
    public string? TlsCaFile { get; set; }

    /// <summary>Accept any server certificate. For tests only: it gives up what TLS is for.</summary>
    public bool TlsInsecureSkipVerify { get; set; }

    internal override string Kind => "redis";
}

/// <summary>A MongoDB server (SCRAM-SHA-256 when a user is given).</summary>
public sealed class MongoDbTargetOptions : DatabaseTargetOptions
{
    /// <summary>TCP port of the server; default 27017.</summary>
    public int Port { get; set; } = 27017;

    /// <summary>The database the user is defined in.</summary>
    public string AuthDatabase { get; set; } = "admin";

    /// <summary>Connect with TLS, checking the server's certificate and host name.</summary>
    public bool Tls { get; set; }

    /// <summary>A PEM file with the CA certificate(s) to trust instead of the system's store.</summary>
    public string? TlsCaFile { get; set; }

    internal override string Kind => "mongodb";
}
