namespace Exporter.Host;

/// <summary>--help text.</summary>
internal static class Usage
{
    public static string Text => $"""
        usage: Exporter.Host [<flags>]

        Prometheus exporter for host, container and database metrics (node_exporter-compatible names).

        Flags:
          -h, --help                     Show this help.
              --version                  Show the version.
              --web.listen-address=":9800"
                                         Address to listen on: [HOST]:PORT.
              --web.telemetry-path="/metrics"
                                         Path under which to expose metrics.
              --web.config.file=PATH     exporter-toolkit web configuration: TLS, client certificates,
                                         basic auth, headers, rate limit (docs/security.md).
              --path.procfs="/proc"      procfs mountpoint.
              --path.sysfs="/sys"        sysfs mountpoint.
              --path.rootfs="/"          rootfs mountpoint (stripped from reported mount points).
              --collector.timeout=5s     How long one collector may take before the scrape goes on without it.
              --collector.disable-defaults
                                         Disable all collectors that are enabled by default.
              --collector.NAME           Enable collector NAME; --no-collector.NAME disables it.
              --collector.NAME.OPTION=V  A collector's option (README.md, "Metrics").
              --config.file=PATH         YAML file: database targets (docs/databases.md), push: section (docs/push.md).
              --log.level=info           debug, info, warn or error.

        Push mode (Prometheus remote write; docs/push.md):
              --push.url=URL             Receiver to push to (repeatable: each has its own queue).
              --push.interval=15s        How often to collect and push.
              --push.timeout=30s         How long one request may take.
              --push.buffer.path=DIR     On-disk queue, kept across outages and restarts (else in memory).
              --push.buffer.max-size=512MB
                                         Most bytes per receiver's queue; the oldest go first (64MB in memory).
              --push.label=NAME=VALUE    Label for every series (repeatable; job=exporter, instance=host name).
              --push.header=NAME=VALUE   Extra HTTP header (repeatable).
              --push.basic-auth.username=USER, --push.basic-auth.password-file=FILE
              --push.bearer-token-file=FILE
              --push.tls.ca-file=FILE, --push.tls.cert-file=FILE, --push.tls.key-file=FILE,
              --push.tls.server-name=NAME, --push.tls.insecure-skip-verify

        Collectors: {string.Join(", ", HostMetrics.CollectorNames.Order(StringComparer.Ordinal))}

        Every flag can also be set in appsettings.json or the environment, e.g.
        Exporter__Web__ListenAddress=:9800, Exporter__Collectors__cpu=false.
        """;
}
