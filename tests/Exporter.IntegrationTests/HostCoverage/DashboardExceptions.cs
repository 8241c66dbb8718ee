namespace Exporter.IntegrationTests.HostCoverage;

/// <summary>
/// The documented exceptions of docs/dashboard-compatibility.md: the table under the heading
/// "## Exceptions", one metric per row ("| `node_arp_entries` | why |"). A dashboard query that reads
/// one of these metrics may be empty for us while node_exporter fills it.
/// </summary>
internal static class DashboardExceptions
{
    public static Dictionary<string, string> Load(string path)
    {
        var exceptions = new Dictionary<string, string>(StringComparer.Ordinal);
        var inSection = false;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inSection = line.Trim() == "## Exceptions";
                continue;
            }

            if (!inSection || !line.StartsWith("| `", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 4 || cells[2].Length == 0)
            {
                throw new FormatException($"{path}: an exception needs a metric and a reason: '{line}'");
            }

            exceptions[cells[1].Trim('`')] = cells[2];
        }

        return exceptions;
    }
}
