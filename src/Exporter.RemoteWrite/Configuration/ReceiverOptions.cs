namespace Exporter.RemoteWrite.Configuration;

/// <summary>One remote-write receiver: its URL and, optionally, its own credentials and TLS settings.</summary>
public sealed class ReceiverOptions
{
    /// <summary>The write endpoint, e.g. http://prometheus:9090/api/v1/write.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>How long one request may take; the push timeout when unset.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Extra HTTP headers, added to (and overriding) the shared ones.</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Basic authentication with a password read from a file.</summary>
    public BasicAuthOptions? BasicAuth { get; set; }

    /// <summary>A file holding a bearer token, sent as <c>Authorization: Bearer</c>.</summary>
    public string? BearerTokenFile { get; set; }

    /// <summary>TLS settings (CA, client certificate, server name, skip verification).</summary>
    public TlsOptions? TlsConfig { get; set; }
}

/// <summary>Basic authentication; the password is read from a file on every request, so it can be rotated.</summary>
public sealed class BasicAuthOptions
{
    /// <summary>The user name sent to the receiver. Required.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>A file holding the password, read on every request; a trailing newline is dropped. Required.</summary>
    public string? PasswordFile { get; set; }
}

/// <summary>TLS towards a receiver, as Prometheus' tls_config.</summary>
public sealed class TlsOptions
{
    /// <summary>PEM file of the CA(s) that signed the receiver's certificate; the system's roots when unset.</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM client certificate, with <see cref="KeyFile"/>, for receivers that require one.</summary>
    public string? CertFile { get; set; }

    /// <summary>PEM private key of <see cref="CertFile"/>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The name the receiver's certificate must carry, when it is not the URL's host.</summary>
    public string? ServerName { get; set; }

    /// <summary>Accept any certificate (testing only).</summary>
    public bool InsecureSkipVerify { get; set; }
}

/// <summary>Where unsent collections wait.</summary>
public sealed class BufferOptions
{
    internal const long DefaultDiskMaxBytes = 512L << 20;
    internal const long DefaultMemoryMaxBytes = 64L << 20;

    /// <summary>A directory for the on-disk queue (one subdirectory per receiver); unset: a memory queue.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// Most bytes one receiver's queue may hold, e.g. 512MB or 1GiB; past it the oldest data is dropped.
    /// Default 512MB on disk, 64MB in memory.
    /// </summary>
    public string? MaxSize { get; set; }
}
