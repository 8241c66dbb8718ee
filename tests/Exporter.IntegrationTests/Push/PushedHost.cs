using System.Globalization;
using System.Text.RegularExpressions;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Push;

/// <summary>Helpers for a host in push mode: its own exporter_push_* metrics and its process's memory.</summary>
internal static partial class PushedHost
{
    /// <summary>The value of the first sample of <paramref name="name"/> whose labels contain <paramref name="labels"/>.</summary>
    public static async Task<double> MetricAsync(HostProcess host, string name, string labels = "")
    {
        var text = await host.GetMetricsAsync();
        foreach (Match match in SampleLine().Matches(text))
        {
            if (match.Groups["name"].Value == name && match.Groups["labels"].Value.Contains(labels, StringComparison.Ordinal))
            {
                return double.Parse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"{name}{{{labels}}} not in /metrics");
    }

    /// <summary>Resident memory of a process, from /proc/PID/status.</summary>
    public static long RssBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Bytes of the queue segment files under a buffer path.</summary>
    public static long DirectoryBytes(string path) =>
        Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.seg", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
