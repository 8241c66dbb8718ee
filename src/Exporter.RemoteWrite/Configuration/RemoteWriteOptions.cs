namespace Exporter.RemoteWrite.Configuration;

/// <summary>
/// Push settings, bound from <c>Exporter:Push</c>: the host's <c>--push.*</c> flags, appsettings.json,
/// environment variables (<c>Exporter__Push__Receivers__0__Url</c>) or the YAML file's <c>push:</c>
/// section, whose snake_case keys (<c>max_size</c>, <c>tls_config</c>) are these names without underscores.
/// Headers, basic auth, bearer token and TLS set here apply to every receiver that sets none of its own.
/// </summary>
public sealed class RemoteWriteOptions
{
    internal static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(15);
    internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Where to send; each receiver has its own queue. None: push is off.</summary>
    public List<ReceiverOptions> Receivers { get; set; } = [];

    /// <summary>How often to collect and push.</summary>
    public TimeSpan Interval { get; set; } = DefaultInterval;

    /// <summary>How long one request may take (Prometheus' remote_timeout).</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>The queue of unsent collections: on disk under a path, or bounded in memory.</summary>
    public BufferOptions Buffer { get; set; } = new();

    /// <summary>
    /// Labels added to every series that lacks them (Prometheus' external_labels). <c>job</c> defaults to
    /// the application's name and <c>instance</c> to the host name; an empty value leaves a label out.
    /// </summary>
    public Dictionary<string, string> Labels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Extra HTTP headers for every receiver (e.g. X-Scope-OrgID for Mimir's tenants).</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Basic authentication for every receiver without its own.</summary>
    public BasicAuthOptions? BasicAuth { get; set; }

    /// <summary>A file holding a bearer token, for every receiver without its own credentials.</summary>
    public string? BearerTokenFile { get; set; }

    /// <summary>TLS settings for every receiver without its own.</summary>
    public TlsOptions? TlsConfig { get; set; }

    /// <summary>First retry delay; it doubles on every failure up to <see cref="MaxBackoff"/> (Prometheus: 30 ms).</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(30);

    /// <summary>Longest retry delay without a Retry-After header (Prometheus: 5 s).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(5);
}
