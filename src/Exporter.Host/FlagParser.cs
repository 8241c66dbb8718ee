using System.Globalization;

namespace Exporter.Host;

/// <summary>What the command line asked for: configuration settings, or help / version, or an error.</summary>
internal sealed record FlagParseResult(IReadOnlyDictionary<string, string?> Settings, string? Error, bool Help, bool Version);

/// <summary>
/// node_exporter-style flags (--web.listen-address=:9800, --collector.cpu, --no-collector.cpu) turned
/// into configuration keys under "Exporter", so flags, appsettings.json and environment variables
/// all set the same options. Pure: no I/O, tested directly.
/// </summary>
internal static class FlagParser
{
    private enum Kind
    {
        Text,
        Bool,
        Duration,
        LogLevel,

        /// <summary>Repeatable; each use is the next item of a list: the key holds {0} for the index.</summary>
        ListItem,

        /// <summary>Repeatable NAME=VALUE; each use sets the key's child NAME.</summary>
        Pair,
    }

    private static readonly Dictionary<string, (string Key, Kind Kind)> Flags = new(StringComparer.Ordinal)
    {
        ["web.listen-address"] = ("Exporter:Web:ListenAddress", Kind.Text),
        ["web.telemetry-path"] = ("Exporter:Web:TelemetryPath", Kind.Text),
        ["web.config.file"] = ("Exporter:Web:ConfigFile", Kind.Text),
        ["path.procfs"] = ("Exporter:Path:Procfs", Kind.Text),
        ["path.sysfs"] = ("Exporter:Path:Sysfs", Kind.Text),
        ["path.rootfs"] = ("Exporter:Path:Rootfs", Kind.Text),
        ["collector.disable-defaults"] = ("Exporter:DisableDefaultCollectors", Kind.Bool),
        ["collector.timeout"] = ("Exporter:CollectorTimeout", Kind.Duration),
        ["config.file"] = ("Exporter:ConfigFile", Kind.Text),
        ["log.level"] = ("Logging:LogLevel:Default", Kind.LogLevel),

        // Push mode (remote write, docs/push.md): each --push.url is a receiver with its own queue;
        // the credential and TLS flags apply to every receiver given by flag.
        ["push.url"] = ("Exporter:Push:Receivers:{0}:Url", Kind.ListItem),
        ["push.interval"] = ("Exporter:Push:Interval", Kind.Duration),
        ["push.timeout"] = ("Exporter:Push:Timeout", Kind.Duration),
        ["push.buffer.path"] = ("Exporter:Push:Buffer:Path", Kind.Text),
        ["push.buffer.max-size"] = ("Exporter:Push:Buffer:MaxSize", Kind.Text),
        ["push.label"] = ("Exporter:Push:Labels", Kind.Pair),
        ["push.header"] = ("Exporter:Push:Headers", Kind.Pair),
        ["push.basic-auth.username"] = ("Exporter:Push:BasicAuth:Username", Kind.Text),
        ["push.basic-auth.password-file"] = ("Exporter:Push:BasicAuth:PasswordFile", Kind.Text),
        ["push.bearer-token-file"] = ("Exporter:Push:BearerTokenFile", Kind.Text),
        ["push.tls.ca-file"] = ("Exporter:Push:TlsConfig:CaFile", Kind.Text),
        ["push.tls.cert-file"] = ("Exporter:Push:TlsConfig:CertFile", Kind.Text),
        ["push.tls.key-file"] = ("Exporter:Push:TlsConfig:KeyFile", Kind.Text),
        ["push.tls.server-name"] = ("Exporter:Push:TlsConfig:ServerName", Kind.Text),
        ["push.tls.insecure-skip-verify"] = ("Exporter:Push:TlsConfig:InsecureSkipVerify", Kind.Bool),
    };

    /// <summary>Flag names with their configuration keys, for --help.</summary>
    public static IEnumerable<string> KnownFlags => Flags.Keys;

    public static FlagParseResult Parse(IReadOnlyList<string> args, IEnumerable<string> collectorNames)
    {
        var collectors = collectorNames.ToHashSet(StringComparer.Ordinal);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return new(settings, null, Help: true, Version: false);
            }

            if (arg == "--version")
            {
                return new(settings, null, Help: false, Version: true);
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                return Fail($"unexpected argument '{arg}'");
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? arg[2..] : arg[2..eq];
            var value = eq < 0 ? null : arg[(eq + 1)..];

            string? error;
            if (name.StartsWith("no-collector.", StringComparison.Ordinal))
            {
                error = SetCollector(settings, collectors, name["no-collector.".Length..], value, negate: true);
            }
            else if (Flags.TryGetValue(name, out var flag))
            {
                if (value is null && flag.Kind != Kind.Bool)
                {
                    if (i + 1 >= args.Count)
                    {
                        return Fail($"flag --{name} needs a value");
                    }

                    value = args[++i];
                }

                error = Set(settings, name, flag.Key, flag.Kind, value);
            }
            else if (name.StartsWith("collector.", StringComparison.Ordinal))
            {
                var rest = name["collector.".Length..];
                var dot = rest.IndexOf('.', StringComparison.Ordinal);
                if (dot < 0)
                {
                    error = SetCollector(settings, collectors, rest, value, negate: false);
                }
                else if (!collectors.Contains(rest[..dot]))
                {
                    error = $"unknown flag --{name}: no collector '{rest[..dot]}'";
                }
                else
                {
                    // --collector.filesystem.mount-points-exclude=... → Exporter:filesystem:MountPointsExclude;
                    // the collector's options reject keys they do not know at start-up.
                    // A sub-flag without a value is a boolean switch (node_exporter's
                    // --collector.netclass.ignore-invalid-speed); otherwise the next argument is its value.
                    if (value is null)
                    {
                        value = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
                    }

                    // Dashes and dots go: --collector.cpu.info.flags-include → Exporter:cpu:infoflagsinclude,
                    // matched case-insensitively to the option InfoFlagsInclude.
                    var option = rest[(dot + 1)..].Replace("-", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
                    var key = $"Exporter:{rest[..dot]}:{option}";

                    // *timeout options (collector.filesystem.mount-timeout, collector.docker.timeout) take Go durations.
                    if (option.EndsWith("timeout", StringComparison.OrdinalIgnoreCase))
                    {
                        error = Set(settings, name, key, Kind.Duration, value);
                    }
                    else
                    {
                        // An empty value is allowed: --collector.netdev.device-exclude= turns a filter off.
                        settings[key] = value;
                        error = null;
                    }
                }
            }
            else
            {
                error = $"unknown flag --{name}";
            }

            if (error is not null)
            {
                return Fail(error);
            }
        }

        return new(settings, null, Help: false, Version: false);

        FlagParseResult Fail(string message) => new(settings, message, Help: false, Version: false);
    }

    private static string? SetCollector(Dictionary<string, string?> settings, HashSet<string> collectors, string collector, string? value, bool negate)
    {
        if (!collectors.Contains(collector))
        {
            return $"unknown collector '{collector}' (known: {string.Join(", ", collectors.Order(StringComparer.Ordinal))})";
        }

        if (!TryParseBool(value, out var enabled))
        {
            return $"flag --collector.{collector} takes true or false, got '{value}'";
        }

        settings[$"Exporter:Collectors:{collector}"] = (enabled ^ negate) ? "true" : "false";
        return null;
    }

    private static string? Set(Dictionary<string, string?> settings, string name, string key, Kind kind, string? value)
    {
        switch (kind)
        {
            case Kind.Bool when TryParseBool(value, out var b):
                settings[key] = b ? "true" : "false";
                return null;
            case Kind.Bool:
                return $"flag --{name} takes true or false, got '{value}'";
            case Kind.Duration when TryParseDuration(value!, out var duration):
                settings[key] = duration.ToString("c", CultureInfo.InvariantCulture);
                return null;
            case Kind.Duration:
                return $"flag --{name} takes a positive duration such as 5s or 500ms, got '{value}'";
            case Kind.LogLevel when LogLevelName(value!) is { } level:
                settings[key] = level;
                return null;
            case Kind.LogLevel:
                return $"flag --{name} takes debug, info, warn or error, got '{value}'";
            case Kind.ListItem when !string.IsNullOrWhiteSpace(value):
                var index = 0;
                while (settings.ContainsKey(string.Format(CultureInfo.InvariantCulture, key, index)))
                {
                    index++;
                }

                settings[string.Format(CultureInfo.InvariantCulture, key, index)] = value;
                return null;
            case Kind.Pair when value!.IndexOf('=', StringComparison.Ordinal) > 0:
                // An empty VALUE is kept: --push.label=instance= leaves the default label out.
                var eq = value.IndexOf('=', StringComparison.Ordinal);
                settings[$"{key}:{value[..eq]}"] = value[(eq + 1)..];
                return null;
            case Kind.Pair:
                return $"flag --{name} takes NAME=VALUE, got '{value}'";
            default:
                if (string.IsNullOrWhiteSpace(value))
                {
                    return $"flag --{name} needs a value";
                }

                settings[key] = value;
                return null;
        }
    }

    private static bool TryParseBool(string? value, out bool result)
    {
        result = value is null || value.Equals("true", StringComparison.OrdinalIgnoreCase);
        return value is null || result || value.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Go-style durations with one unit: 500ms, 5s, 1.5m, 1h.</summary>
    internal static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var (number, scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ when text.EndsWith('h') => (text[..^1], 3600.0),
            _ => (string.Empty, 0.0),
        };
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(value * scale);
        return true;
    }

    private static string? LogLevelName(string value) => value.ToLowerInvariant() switch
    {
        "debug" => "Debug",
        "info" => "Information",
        "warn" or "warning" => "Warning",
        "error" => "Error",
        _ => null,
    };
}
