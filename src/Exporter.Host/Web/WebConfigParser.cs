using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Exporter.Host.Web;

/// <summary>
/// Reads exporter-toolkit's web configuration (docs/web-configuration.md of prometheus/exporter-toolkit)
/// key for key. Pure: text in, <see cref="WebConfig"/> out; relative paths are taken relative to
/// <c>baseDirectory</c>, the file's own folder, as the toolkit does. Walks YamlDotNet's node tree
/// instead of deserializing by reflection, so it is trim- and NativeAOT-safe and every error names
/// the key path and line. Strict like the toolkit's yaml.UnmarshalStrict, and stricter where a
/// setting would otherwise be silently ignored. Messages never quote a hash, key or certificate.
/// </summary>
internal static class WebConfigParser
{
    public static WebConfig Parse(string yaml, string baseDirectory)
    {
        var root = LoadRoot(yaml);
        if (root is null)
        {
            return WebConfig.Empty;
        }

        TlsServerConfig? tls = null;
        var http = WebConfig.Empty.Http;
        var rateLimit = RateLimitConfig.Off;
        IReadOnlyDictionary<string, BcryptHash> users = WebConfig.Empty.Users;
        foreach (var (key, value, line) in Entries(root, string.Empty))
        {
            switch (key)
            {
                case "tls_server_config":
                    tls = IsNull(value) ? null : ParseTls(value, baseDirectory);
                    break;
                case "http_server_config":
                    http = IsNull(value) ? http : ParseHttp(value);
                    break;
                case "rate_limit":
                    rateLimit = IsNull(value) ? rateLimit : ParseRateLimit(value);
                    break;
                case "basic_auth_users":
                    users = IsNull(value) ? users : ParseUsers(value);
                    break;
                default:
                    throw Unknown(line, key, "tls_server_config, http_server_config, rate_limit, basic_auth_users");
            }
        }

        return new WebConfig(tls, http, rateLimit, users);
    }

    private static YamlNode? LoadRoot(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // YamlDotNet's messages can quote the offending text, which may be a secret: position only.
            throw new WebConfigException($"line {e.Start.Line}, column {e.Start.Column}: not valid YAML (or a key given twice)");
        }

        if (stream.Documents.Count > 1)
        {
            throw new WebConfigException("the file holds more than one YAML document");
        }

        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        return root is null || IsNull(root) ? null : root;
    }

    private static TlsServerConfig ParseTls(YamlNode node, string baseDirectory)
    {
        const string Section = "tls_server_config";
        string? certFile = null, cert = null, keyFile = null, key = null, caFile = null, ca = null;
        var clientAuth = ClientAuthType.NoClientCert;
        var clientAuthGiven = false;
        List<string> sans = [], ciphers = [], curves = [];
        var min = TlsVersion.Tls12;
        var max = TlsVersion.Tls13;
        var preferServer = true;
        foreach (var (name, value, keyLine) in Entries(node, Section))
        {
            var path = $"{Section}.{name}";
            switch (name)
            {
                case "cert_file": certFile = FilePath(value, path, baseDirectory); break;
                case "key_file": keyFile = FilePath(value, path, baseDirectory); break;
                case "client_ca_file": caFile = FilePath(value, path, baseDirectory); break;
                case "cert": cert = NonEmpty(value, path); break;
                case "key": key = NonEmpty(value, path); break;
                case "client_ca": ca = NonEmpty(value, path); break;
                case "client_auth_type":
                    var authName = Text(value, path) ?? string.Empty;
                    clientAuthGiven = authName.Length > 0;
                    clientAuth = authName.Length == 0 ? ClientAuthType.NoClientCert : Lookup(TlsNames.ClientAuthTypes, authName, value, path);
                    break;
                case "client_allowed_sans": sans = List(value, path); break;
                case "min_version": min = Lookup(TlsNames.Versions, Text(value, path) ?? string.Empty, value, path); break;
                case "max_version": max = Lookup(TlsNames.Versions, Text(value, path) ?? string.Empty, value, path); break;
                case "cipher_suites": ciphers = List(value, path).Select(c => Known(TlsNames.CipherSuites.ContainsKey(c), c, value, path, TlsNames.CipherSuites.Keys)).ToList(); break;
                case "curve_preferences": curves = List(value, path).Select(c => Known(TlsNames.Curves.Contains(c), c, value, path, TlsNames.Curves)).ToList(); break;
                case "prefer_server_cipher_suites": preferServer = Bool(value, path); break;
                default:
                    throw Unknown(keyLine, path, "cert_file, key_file, cert, key, client_ca_file, client_ca, client_auth_type, client_allowed_sans, min_version, max_version, cipher_suites, curve_preferences, prefer_server_cipher_suites");
            }
        }

        var line = node.Start.Line;
        Check(certFile is not null || cert is not null, line, $"{Section}: cert_file or cert is required (without one, TLS would silently stay off)");
        Check(keyFile is not null || key is not null, line, $"{Section}: key_file or key is required");
        Check(certFile is null || cert is null, line, $"{Section}: cert_file and cert exclude each other");
        Check(keyFile is null || key is null, line, $"{Section}: key_file and key exclude each other");
        Check(caFile is null || ca is null, line, $"{Section}: client_ca_file and client_ca exclude each other");
        Check(!(caFile is not null || ca is not null) || clientAuth != ClientAuthType.NoClientCert, line,
            $"{Section}: a client CA is set but client_auth_type is {(clientAuthGiven ? "NoClientCert" : "not")}; set VerifyClientCertIfGiven or RequireAndVerifyClientCert");
        Check(sans.Count == 0 || clientAuth is ClientAuthType.RequireAnyClientCert or ClientAuthType.RequireAndVerifyClientCert, line,
            $"{Section}.client_allowed_sans needs client_auth_type RequireAnyClientCert or RequireAndVerifyClientCert (otherwise a client may send no certificate to match)");
        Check(min <= max, line, $"{Section}: min_version is above max_version");
        return new TlsServerConfig(certFile, cert, keyFile, key, caFile, ca, clientAuth, sans, min, max, ciphers, preferServer, curves);
    }

    private static HttpServerConfig ParseHttp(YamlNode node)
    {
        const string Section = "http_server_config";
        var http2 = true;
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value, keyLine) in Entries(node, Section))
        {
            switch (name)
            {
                case "http2":
                    http2 = Bool(value, $"{Section}.http2");
                    break;
                case "headers":
                    foreach (var (header, headerValue, _) in IsNull(value) ? [] : Entries(value, $"{Section}.headers"))
                    {
                        headers[header] = SecurityHeaders.Validate(header, Text(headerValue, $"{Section}.headers.{header}") ?? string.Empty, headerValue.Start.Line);
                    }

                    break;
                default:
                    throw Unknown(keyLine, $"{Section}.{name}", "http2, headers");
            }
        }

        return new HttpServerConfig(http2, headers);
    }

    private static RateLimitConfig ParseRateLimit(YamlNode node)
    {
        var interval = TimeSpan.Zero;
        var burst = 0;
        foreach (var (name, value, keyLine) in Entries(node, "rate_limit"))
        {
            var path = $"rate_limit.{name}";
            switch (name)
            {
                case "interval":
                    var text = Text(value, path) ?? "0";
                    Check(GoDuration.TryParse(text, out interval), value.Start.Line, $"{path} '{text}' is not a duration such as 1s or 500ms");
                    break;
                case "burst":
                    var number = Text(value, path) ?? "0";
                    Check(int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out burst), value.Start.Line, $"{path} '{number}' is not a whole number of requests");
                    break;
                default:
                    throw Unknown(keyLine, path, "interval, burst");
            }
        }

        // The toolkit accepts burst 0 with an interval, a bucket that never holds a token: every request a 429.
        Check(interval == TimeSpan.Zero || burst > 0, node.Start.Line, "rate_limit.burst must be at least 1 when rate_limit.interval is set (0 would refuse every request)");
        return new RateLimitConfig(interval, burst);
    }

    private static Dictionary<string, BcryptHash> ParseUsers(YamlNode node)
    {
        var users = new Dictionary<string, BcryptHash>(StringComparer.Ordinal);
        foreach (var (user, value, _) in Entries(node, "basic_auth_users"))
        {
            var path = $"basic_auth_users.{user}";
            var text = value is YamlScalarNode scalar && !IsNull(value) ? scalar.Value ?? string.Empty : throw Error(value, $"{path} needs a bcrypt hash");
            users[user] = BcryptHash.TryParse(text, out var hash, out var error) ? hash : throw Error(value, $"{path} {error}");
        }

        return users;
    }

    private static IEnumerable<(string Key, YamlNode Value, long Line)> Entries(YamlNode node, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, $"{(path.Length == 0 ? "the file" : path)} must be a mapping of keys to values");
        }

        foreach (var (key, value) in mapping.Children)
        {
            yield return (key is YamlScalarNode { Value: { } name } ? name : throw Error(key, $"{path}: keys must be plain names"), value, key.Start.Line);
        }
    }

    private static string? Text(YamlNode node, string path) =>
        node is YamlScalarNode scalar ? (IsNull(node) ? null : scalar.Value) : throw Error(node, $"{path} must be a single value");

    private static string? NonEmpty(YamlNode node, string path) => Text(node, path) is { Length: > 0 } text ? text : null;

    private static string? FilePath(YamlNode node, string path, string baseDirectory) =>
        NonEmpty(node, path) is { } file ? Path.GetFullPath(file, baseDirectory) : null;

    private static List<string> List(YamlNode node, string path) => node switch
    {
        _ when IsNull(node) => [],
        YamlSequenceNode sequence => [.. sequence.Children.Select(item => Text(item, path) ?? throw Error(item, $"{path} has an empty item"))],
        _ => throw Error(node, $"{path} must be a list"),
    };

    // yaml.v2's booleans (YAML 1.1): true/false, yes/no, on/off.
    private static bool Bool(YamlNode node, string path) => Text(node, path)?.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "y" => true,
        "false" or "no" or "off" or "n" => false,
        _ => throw Error(node, $"{path} must be true or false"),
    };

    private static T Lookup<T>(IReadOnlyDictionary<string, T> names, string name, YamlNode node, string path) =>
        names.TryGetValue(name, out var value) ? value : throw Error(node, $"{path} '{name}' is not one of {string.Join(", ", names.Keys)}");

    private static string Known(bool known, string name, YamlNode node, string path, IEnumerable<string> names) =>
        known ? name : throw Error(node, $"{path}: '{name}' is not one of {string.Join(", ", names)}");

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static void Check(bool condition, long line, string message)
    {
        if (!condition)
        {
            throw new WebConfigException($"line {line}: {message}");
        }
    }

    private static WebConfigException Unknown(long line, string path, string known) =>
        new($"line {line}: unknown key {path} (known here: {known})");

    private static WebConfigException Error(YamlNode node, string message) => new($"line {node.Start.Line}: {message}");
}
