using System.Net;

namespace Exporter.Host;

/// <summary>The host's own settings (Exporter:Web), node_exporter's --web.* flags.</summary>
internal sealed class WebOptions
{
    /// <summary>
    /// 9800: in Prometheus' exporter port range, not used by common exporters, and not node_exporter's
    /// 9100, so both can run side by side.
    /// </summary>
    public const string DefaultListenAddress = ":9800";

    public string ListenAddress { get; set; } = DefaultListenAddress;

    public string TelemetryPath { get; set; } = "/metrics";

    /// <summary>exporter-toolkit's web configuration file (--web.config.file); none means plain HTTP.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Splits "[host]:port": an empty host listens on every address; "localhost" on loopback.</summary>
    public static (IPAddress? Address, bool Localhost, int Port) ParseListenAddress(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(value.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 0 or > 65535)
        {
            throw new FormatException($"web.listen-address '{value}' is not HOST:PORT (e.g. :9800 or 127.0.0.1:9800)");
        }

        var host = value[..colon].Trim('[', ']');
        if (host.Length == 0)
        {
            return (null, false, port);
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return (null, true, port);
        }

        return IPAddress.TryParse(host, out var address)
            ? (address, false, port)
            : throw new FormatException($"web.listen-address '{value}': '{host}' is not an IP address or localhost");
    }

    public void Validate()
    {
        _ = ParseListenAddress(ListenAddress);
        if (!TelemetryPath.StartsWith('/'))
        {
            throw new FormatException($"web.telemetry-path '{TelemetryPath}' must start with /");
        }
    }
}
