namespace Exporter.Docker;

/// <summary>
/// Settings of the docker collector, bound from <c>Exporter:docker</c> (flags
/// <c>--collector.docker.host=unix:///var/run/docker.sock</c>, <c>--collector.docker.labels=app,team</c>,
/// <c>--collector.docker.timeout=4s</c>, <c>--collector.docker.max-parallel=64</c>).
/// </summary>
public sealed class DockerOptions
{
    internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(4);
    internal const int DefaultMaxParallel = 64;

    /// <summary>The engine's URI; empty: DOCKER_HOST, else unix:///var/run/docker.sock.</summary>
    public string? Host { get; set; }

    /// <summary>
    /// Use TLS for tcp:// (https). Defaults to whether DOCKER_TLS_VERIFY is set, as with the docker CLI.
    /// </summary>
    public bool? Tls { get; set; }

    /// <summary>
    /// Directory with ca.pem, cert.pem and key.pem for TLS (the CLI's DOCKER_CERT_PATH, the default).
    /// Without it the server certificate is checked against the system's trusted roots.
    /// </summary>
    public string? TlsCertPath { get; set; }

    /// <summary>
    /// Comma-separated container label keys exported as metric labels container_label_KEY (cAdvisor's
    /// naming); every other container label stays out of the metrics, to bound cardinality.
    /// </summary>
    public string? Labels { get; set; }

    /// <summary>
    /// Budget for one collection: the container list, then every inspect and stats call. A stats
    /// call the engine has not answered by then is left out of this scrape; a list call not answered
    /// makes docker_up 0. Keep it below the collector timeout.
    /// </summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>At most this many inspect/stats calls at once.</summary>
    public int MaxParallel { get; set; } = DefaultMaxParallel;

    /// <summary>The allow-listed label keys, trimmed, without empties or repeats.</summary>
    internal IReadOnlyList<string> LabelKeys =>
        [.. (Labels ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Where the engine is, as the docker CLI decides it: the configured host, else DOCKER_HOST, else
    /// the default socket; TLS as configured, else on when DOCKER_TLS_VERIFY is set.
    /// </summary>
    internal DockerEndpoint Endpoint(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        return DockerEndpoint.Parse(
            DockerEndpoint.ChooseHost(Host, environment("DOCKER_HOST")),
            Tls ?? !string.IsNullOrEmpty(environment("DOCKER_TLS_VERIFY")));
    }

    /// <summary>The certificate directory: the configured one, else DOCKER_CERT_PATH.</summary>
    internal string? CertPath(Func<string, string?>? environment = null) =>
        !string.IsNullOrWhiteSpace(TlsCertPath) ? TlsCertPath : (environment ?? Environment.GetEnvironmentVariable)("DOCKER_CERT_PATH");
}
