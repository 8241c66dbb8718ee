namespace Exporter.TestSupport;

/// <summary>
/// Finds the external programs the tests run (prometheus, promtool, node_exporter, dockerd...).
/// A missing one is a failure that says how to get it: scripts/test.sh installs them all.
/// </summary>
public static class Tools
{
    public static string Require(string name, params string[] candidates)
    {
        foreach (var candidate in candidates.Prepend(name))
        {
            if (Path.IsPathRooted(candidate) && File.Exists(candidate))
            {
                return candidate;
            }

            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).Append("/usr/sbin").Append("/usr/bin"))
            {
                var path = Path.Join(dir, candidate);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new InvalidOperationException($"'{name}' is not installed; run scripts/test.sh, which installs what the tests need.");
    }
}
