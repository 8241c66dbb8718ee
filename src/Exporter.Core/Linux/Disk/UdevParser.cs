namespace Exporter.Core.Linux;

/// <summary>
/// Parses a udev database file (/run/udev/data/b{major}:{minor}): only the device properties, the
/// lines "E:KEY=value" (udevadm(8)); other record types (S: links, I: init time, ...) are ignored.
/// </summary>
internal static class UdevParser
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith("E:", StringComparison.Ordinal))
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 2)
            {
                properties[line[2..eq]] = line[(eq + 1)..];
            }
        }

        return properties;
    }
}
