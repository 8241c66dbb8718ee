using YamlDotNet.Serialization;

namespace Exporter.IntegrationTests.Stack;

/// <summary>
/// The stack's YAML files as plain dictionaries and lists, so a test can make its own copy of the
/// real file (local ports, short intervals) and everything it does not change stays as shipped.
/// </summary>
internal static class Yaml
{
    public static Dictionary<object, object> Load(string path) =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(path));

    public static void Save(object document, string path) =>
        File.WriteAllText(path, new SerializerBuilder().Build().Serialize(document));

    public static Dictionary<object, object> Map(this Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out var value) && value is Dictionary<object, object> child
            ? child
            : throw new InvalidOperationException($"'{key}' is not a mapping");

    public static List<object> List(this Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out var value) && value is List<object> child
            ? child
            : throw new InvalidOperationException($"'{key}' is not a list");

    public static IEnumerable<Dictionary<object, object>> Maps(this Dictionary<object, object> map, string key) =>
        map.List(key).Cast<Dictionary<object, object>>();

    public static string Text(this Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out var value) && value is string text ? text : throw new InvalidOperationException($"'{key}' is not a string");
}
