using System.Globalization;
using System.Text;
using Exporter.RemoteWrite.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Exporter.Host.Configuration;

/// <summary>
/// Turns the YAML file of <c>--config.file</c> into configuration keys under <c>Exporter</c>
/// (<c>redis: [{name: cache, password_file: ...}]</c> → <c>Exporter:Databases:Redis:0:Name</c>,
/// <c>...:0:PasswordFile</c>; <c>push: {labels: {job: node}}</c> → <c>Exporter:Push:Labels:job</c>),
/// so the library's options bind from it as from appsettings.json.
/// Read with YamlDotNet's representation model (a node tree, no reflection). Checked against
/// <see cref="ConfigFileSchema"/>: an unknown key, a value of the wrong type or a list where a
/// setting belongs is an error that says where (line, column and the key's path such as
/// <c>push.receivers[0].url</c>), never what the value was (it may be a misplaced secret). Pure over the text.
/// </summary>
internal static class YamlConfigFile
{
    /// <summary>The configuration section every key goes under.</summary>
    public const string Root = "Exporter";

    /// <summary>
    /// Parses <paramref name="yaml"/>; throws <see cref="ConfigFileException"/> with every problem.
    /// <paramref name="firstIndex"/> gives, per list (e.g. <c>Databases:Redis</c>), the index its first
    /// item takes, so items already configured elsewhere are joined rather than overwritten.
    /// </summary>
    public static Dictionary<string, string?> Parse(string yaml, Func<string, int>? firstIndex = null)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ConfigFileException([$"{Where(e.Start)}: {e.Message}"]);
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        if (stream.Documents.Count > 1)
        {
            errors.Add($"{Where(stream.Documents[1].RootNode.Start)}: the file holds more than one YAML document");
        }

        switch (stream.Documents.FirstOrDefault()?.RootNode)
        {
            case null:
            case YamlScalarNode scalar when IsNull(scalar):
                break;
            case YamlMappingNode root:
                foreach (var (keyNode, value) in root.Children)
                {
                    var key = Key(keyNode, errors);
                    if (key is null)
                    {
                        continue;
                    }

                    if (ConfigFileSchema.Sections.TryGetValue(key, out var section))
                    {
                        Walk(value, section.Shape, $"{Root}:{section.Path}", key, firstIndex ?? (_ => 0), settings, errors);
                    }
                    else
                    {
                        errors.Add(NotFound(keyNode, key));
                    }
                }

                break;
            case var other:
                errors.Add($"{Where(other.Start)}: expected sections such as postgres:, redis:, mongodb: or push:");
                break;
        }

        return errors.Count == 0 ? settings : throw new ConfigFileException(errors);
    }

    /// <summary>snake_case → PascalCase, the options' property names: <c>tls_ca_file</c> → <c>TlsCaFile</c>.</summary>
    internal static string PropertyName(string key)
    {
        var name = new StringBuilder(key.Length);
        foreach (var part in key.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            name.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }

        return name.ToString();
    }

    /// <summary>A duration as the flags take it (<c>500ms</c>, <c>2s</c>, <c>1m</c>, <c>1h</c>) or as .NET writes it (<c>00:00:02</c>).</summary>
    internal static bool TryParseDuration(string text, out TimeSpan duration) =>
        text.Contains(':', StringComparison.Ordinal)
            ? TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration)
            : FlagParser.TryParseDuration(text, out duration);

    private static void Walk(YamlNode node, Shape shape, string path, string yamlPath, Func<string, int> firstIndex, Dictionary<string, string?> settings, List<string> errors)
    {
        switch (shape, node)
        {
            case (ScalarShape scalarShape, YamlScalarNode scalar):
                if (!IsNull(scalar))
                {
                    settings[path] = Convert(scalar, scalarShape.Kind, yamlPath, errors);
                }

                break;
            case (MapShape map, YamlMappingNode mapping):
                foreach (var (keyNode, value) in mapping.Children)
                {
                    if (Key(keyNode, errors) is not { } key)
                    {
                        continue;
                    }

                    if (map.Keys.TryGetValue(key, out var child))
                    {
                        Walk(value, child, $"{path}:{PropertyName(key)}", $"{yamlPath}.{key}", firstIndex, settings, errors);
                    }
                    else
                    {
                        // Secrets come from files: point a Prometheus habit (password:, bearer_token:) there.
                        var hint = map.Keys.ContainsKey(key + "_file") ? $"; use {key}_file" : string.Empty;
                        errors.Add($"{NotFound(keyNode, key)} in {yamlPath}{hint}");
                    }
                }

                break;
            case (FreeMapShape, YamlMappingNode mapping):
                WalkFreeMap(mapping, path, yamlPath, settings, errors);
                break;
            case (FreeMapShape, YamlScalarNode empty) when IsNull(empty):
                break;
            case (ListShape list, YamlSequenceNode sequence):
                var start = firstIndex(path[(Root.Length + 1)..]);
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Walk(sequence.Children[i], list.Item, $"{path}:{(start + i).ToString(CultureInfo.InvariantCulture)}",
                        $"{yamlPath}[{i.ToString(CultureInfo.InvariantCulture)}]", firstIndex, settings, errors);
                }

                break;
            case (ListShape, YamlScalarNode empty) when IsNull(empty):
                break;
            case (ListShape, _):
                errors.Add($"{Where(node.Start)}: {yamlPath}: expected a list (items starting with '- ')");
                break;
            case (MapShape or FreeMapShape, _):
                errors.Add($"{Where(node.Start)}: {yamlPath}: expected settings (key: value)");
                break;
            default:
                errors.Add($"{Where(node.Start)}: {yamlPath}: expected a single value");
                break;
        }
    }

    /// <summary>
    /// Names the operator chooses (a label <c>job</c>, a header <c>X-Scope-OrgID</c>) go into the
    /// configuration as they are written. Configuration keys are split at ':' and compared ignoring
    /// case, so a name with ':' or two names differing only in case could not arrive intact: errors.
    /// An empty value is kept (<c>instance: ""</c> leaves a default label out).
    /// </summary>
    private static void WalkFreeMap(YamlMappingNode mapping, string path, string yamlPath, Dictionary<string, string?> settings, List<string> errors)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (Key(keyNode, errors) is not { } name)
            {
                continue;
            }

            if (name.Contains(':', StringComparison.Ordinal))
            {
                errors.Add($"{Where(keyNode.Start)}: {yamlPath}: the name '{name}' cannot contain ':'");
            }
            else if (!seen.TryAdd(name, name))
            {
                errors.Add($"{Where(keyNode.Start)}: {yamlPath}: the name '{name}' is given twice (as '{seen[name]}'; names here are compared ignoring case)");
            }
            else if (value is YamlScalarNode scalar)
            {
                settings[$"{path}:{name}"] = IsNull(scalar) ? string.Empty : scalar.Value ?? string.Empty;
            }
            else
            {
                errors.Add($"{Where(value.Start)}: {yamlPath}.{name}: expected a single value");
            }
        }
    }

    private static string? Convert(YamlScalarNode scalar, ValueKind kind, string yamlPath, List<string> errors)
    {
        var text = scalar.Value ?? string.Empty;
        var where = $"{Where(scalar.Start)}: {yamlPath}";
        switch (kind)
        {
            case ValueKind.Integer when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                return number.ToString(CultureInfo.InvariantCulture);
            case ValueKind.Boolean when text.ToLowerInvariant() is "true" or "yes" or "on":
                return "true";
            case ValueKind.Boolean when text.ToLowerInvariant() is "false" or "no" or "off":
                return "false";
            case ValueKind.Duration when TryParseDuration(text, out var duration):
                return duration.ToString("c", CultureInfo.InvariantCulture);
            case ValueKind.Duration:
                errors.Add($"{where}: not a duration such as 2s or 500ms");
                return null;
            case ValueKind.Url when !Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps):
                // The value itself is left out: a malformed URL may still carry a token.
                errors.Add($"{where}: not an absolute http:// or https:// URL");
                return null;
            case ValueKind.Url when !string.IsNullOrEmpty(new Uri(text).UserInfo):
                errors.Add($"{where}: credentials in the URL are not allowed; use basic_auth with a password_file");
                return null;
            case ValueKind.Url:
                return text;
            case ValueKind.Size when ByteSize.TryParse(text, out _):
                return text;
            case ValueKind.Size:
                errors.Add($"{where}: not a size such as 512MB or 1GiB");
                return null;
            case ValueKind.Text:
                return text;
            default:
                // The value itself is left out: a misplaced password must not end up in a message.
                errors.Add($"{where}: the value has the wrong type for this setting");
                return null;
        }
    }

    private static string? Key(YamlNode node, List<string> errors)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } key })
        {
            return key;
        }

        errors.Add($"{Where(node.Start)}: a key must be a plain name");
        return null;
    }

    // The wording YamlDotNet's object deserializer used, which existing users' tooling may match.
    private static string NotFound(YamlNode keyNode, string key) => $"{Where(keyNode.Start)}: Property '{key}' not found";

    // "~", "null" and an empty value are YAML's null: the setting keeps its default.
    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static string Where(Mark mark) => $"line {mark.Line}, column {mark.Column}";
}

/// <summary>The configuration file cannot be used; <see cref="Errors"/> says where and why, one problem each.</summary>
internal sealed class ConfigFileException(IReadOnlyList<string> errors) : FormatException(string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
