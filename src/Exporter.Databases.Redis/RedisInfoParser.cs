using System.Globalization;

namespace Exporter.Databases.Redis;

/// <summary>A keyspace line of INFO: <c>db0:keys=3,expires=1,avg_ttl=5000</c>.</summary>
internal sealed record RedisKeyspace(string Db, double Keys, double Expires, double AvgTtlMilliseconds);

/// <summary>A replica line of a primary's INFO: <c>slave0:ip=10.0.0.2,port=6380,state=online,offset=42,lag=0</c>.</summary>
internal sealed record RedisReplica(string Ip, string Port, string State, double Offset, double Lag);

/// <summary>INFO's <c>field:value</c> pairs, its keyspace and its replicas.</summary>
internal sealed record RedisInfo(IReadOnlyDictionary<string, string> Fields, IReadOnlyList<RedisKeyspace> Keyspace, IReadOnlyList<RedisReplica> Replicas);

/// <summary>
/// Parses the reply of INFO (https://redis.io/docs/latest/commands/info/): "# Section" headers and
/// <c>field:value</c> lines, CR LF separated; the Keyspace section's values and the replicas
/// (<c>slaveN</c>) are comma-separated <c>key=value</c> lists.
/// </summary>
internal static class RedisInfoParser
{
    public static RedisInfo Parse(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var keyspace = new List<RedisKeyspace>();
        var replicas = new List<RedisReplica>();
        var section = string.Empty;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                section = line.TrimStart('#', ' ');
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"redis info: line '{Short(line)}' is not field:value");
            }

            var name = line[..colon];
            var value = line[(colon + 1)..];
            if (section == "Keyspace")
            {
                var pairs = Pairs(line, value);
                keyspace.Add(new RedisKeyspace(name, Number(pairs, "keys", line), Number(pairs, "expires", line), pairs.ContainsKey("avg_ttl") ? Number(pairs, "avg_ttl", line) : 0));
            }
            else if (section == "Replication" && IsReplica(name) && value.Contains('=', StringComparison.Ordinal))
            {
                var pairs = Pairs(line, value);
                replicas.Add(new RedisReplica(
                    pairs.GetValueOrDefault("ip", string.Empty), pairs.GetValueOrDefault("port", string.Empty), pairs.GetValueOrDefault("state", string.Empty),
                    Number(pairs, "offset", line), pairs.ContainsKey("lag") ? Number(pairs, "lag", line) : 0));
            }
            else
            {
                fields[name] = value;
            }
        }

        return new RedisInfo(fields, keyspace, replicas);
    }

    // "slave0", "slave1"... but not "slave_read_only" or "slave_repl_offset".
    private static bool IsReplica(string name) =>
        name.Length > 5 && name.StartsWith("slave", StringComparison.Ordinal) && name[5..].All(char.IsAsciiDigit);

    private static Dictionary<string, string> Pairs(string line, string value)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in value.Split(','))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"redis info: '{Short(line)}' is not a list of key=value");
            }

            pairs[pair[..eq]] = pair[(eq + 1)..];
        }

        return pairs;
    }

    private static double Number(Dictionary<string, string> pairs, string key, string line) =>
        pairs.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"redis info: '{Short(line)}' has no numeric {key}");

    private static string Short(string line) => line.Length <= 60 ? line : line[..60] + "...";
}
