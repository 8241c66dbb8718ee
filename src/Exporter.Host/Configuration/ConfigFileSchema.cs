namespace Exporter.Host.Configuration;

/// <summary>What a YAML value must be, so a mistake is reported at its line instead of being bound wrong.</summary>
internal enum ValueKind
{
    Text,
    Integer,
    Boolean,

    /// <summary>Go style, one unit (<c>500ms</c>, <c>2s</c>, <c>1m</c>, <c>1h</c>), or <c>hh:mm:ss</c>.</summary>
    Duration,

    /// <summary>An absolute http:// or https:// URL without credentials in it.</summary>
    Url,

    /// <summary>A size such as <c>512MB</c> or <c>1GiB</c> (<see cref="Exporter.RemoteWrite.Configuration.ByteSize"/>).</summary>
    Size,
}

/// <summary>The shape of a YAML node: a scalar of one kind, a mapping of known keys, or a list of one shape.</summary>
internal abstract record Shape;

internal sealed record ScalarShape(ValueKind Kind) : Shape;

/// <summary>A mapping whose snake_case keys become the options' PascalCase names (<c>password_file</c> → <c>PasswordFile</c>).</summary>
internal sealed record MapShape(IReadOnlyDictionary<string, Shape> Keys) : Shape;

internal sealed record ListShape(Shape Item) : Shape;

/// <summary>
/// A mapping whose keys the operator chooses (push labels, HTTP headers) and whose values are text.
/// The keys are kept verbatim: they become dictionary keys, never property names.
/// </summary>
internal sealed record FreeMapShape : Shape;

/// <summary>A top-level section of the file and where its settings go under <c>Exporter</c>.</summary>
internal sealed record ConfigSection(string Path, Shape Shape);

/// <summary>
/// The sections the file of <c>--config.file</c> may hold. A feature that reads its settings from
/// the file adds its section here: its top-level key, the configuration path under <c>Exporter</c>,
/// and the keys it takes. Keys not listed are errors, so a typo is never silently ignored.
/// </summary>
internal static class ConfigFileSchema
{
    private static readonly ScalarShape Text = new(ValueKind.Text);
    private static readonly ScalarShape Integer = new(ValueKind.Integer);
    private static readonly ScalarShape Boolean = new(ValueKind.Boolean);
    private static readonly ScalarShape Duration = new(ValueKind.Duration);
    private static readonly FreeMapShape FreeMap = new();

    public static IReadOnlyDictionary<string, ConfigSection> Sections { get; } = new Dictionary<string, ConfigSection>(StringComparer.Ordinal)
    {
        // Database targets (docs/databases.md); the lists are DatabaseOptions' Postgres, Redis and MongoDb.
        ["postgres"] = new("Databases:Postgres", Targets(("port", Integer), ("database", Text), ("ssl_mode", Text))),
        ["redis"] = new("Databases:Redis", Targets(
            ("port", Integer), ("tls", Boolean), ("tls_server_name", Text), ("tls_ca_file", Text), ("tls_insecure_skip_verify", Boolean))),
        ["mongodb"] = new("Databases:MongoDb", Targets(("port", Integer), ("auth_database", Text), ("tls", Boolean), ("tls_ca_file", Text))),

        // Push mode (docs/push.md): RemoteWriteOptions, laid out as Prometheus' remote_write section.
        ["push"] = new("Push", Push()),
    };

    /// <summary>The configuration paths of every list, e.g. <c>Databases:Redis</c> and <c>Push:Receivers</c>.</summary>
    public static IEnumerable<string> ListPaths => Sections.Values.SelectMany(s => ListPathsOf(s.Shape, s.Path));

    private static IEnumerable<string> ListPathsOf(Shape shape, string path) => shape switch
    {
        ListShape => [path],
        MapShape map => map.Keys.SelectMany(k => ListPathsOf(k.Value, $"{path}:{YamlConfigFile.PropertyName(k.Key)}")),
        _ => [],
    };

    /// <summary>
    /// RemoteWriteOptions: the shared settings, and a list of receivers that may each have their own
    /// timeout, headers, credentials and TLS. Secrets only from files, as the flags take them.
    /// </summary>
    private static MapShape Push()
    {
        var basicAuth = Map(("username", Text), ("password_file", Text));
        var tls = Map(("ca_file", Text), ("cert_file", Text), ("key_file", Text), ("server_name", Text), ("insecure_skip_verify", Boolean));
        var receiver = Map(
            ("url", new ScalarShape(ValueKind.Url)), ("timeout", Duration), ("headers", FreeMap),
            ("basic_auth", basicAuth), ("bearer_token_file", Text), ("tls_config", tls));
        return Map(
            ("receivers", new ListShape(receiver)),
            ("interval", Duration),
            ("timeout", Duration),
            ("buffer", Map(("path", Text), ("max_size", new ScalarShape(ValueKind.Size)))),
            ("labels", FreeMap),
            ("headers", FreeMap),
            ("basic_auth", basicAuth),
            ("bearer_token_file", Text),
            ("tls_config", tls),
            ("min_backoff", Duration),
            ("max_backoff", Duration));
    }

    private static MapShape Map(params (string Key, Shape Shape)[] keys) =>
        new(keys.ToDictionary(k => k.Key, k => k.Shape, StringComparer.Ordinal));

    /// <summary>A list of database targets: what every target has, plus its kind's own keys.</summary>
    private static ListShape Targets(params (string Key, Shape Shape)[] own)
    {
        var keys = new Dictionary<string, Shape>(StringComparer.Ordinal)
        {
            ["name"] = Text,
            ["host"] = Text,
            ["user"] = Text,
            ["password"] = Text,
            ["password_file"] = Text,
            ["password_env"] = Text,
            ["timeout"] = Duration,
        };
        foreach (var (key, shape) in own)
        {
            keys.Add(key, shape);
        }

        return new ListShape(new MapShape(keys));
    }
}
