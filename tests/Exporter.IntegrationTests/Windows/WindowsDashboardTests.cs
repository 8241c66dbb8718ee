using Exporter.IntegrationTests.Stack;
using Xunit.Abstractions;

namespace Exporter.IntegrationTests.Windows;

/// <summary>
/// Which panels of the host dashboards show data for a Windows host, measured: every query of every
/// panel, variables substituted as Grafana does, against the Prometheus that scrapes the Windows build
/// under Wine and records the shipped rules (the History panels read the same recorded series that
/// the long-term stores keep). The README's platform table is this list.
/// </summary>
[Collection(WineHostCollection.Name)]
public sealed class WindowsDashboardTests(WineHost wine, ITestOutputHelper output)
{
    /// <summary>
    /// Panels without data, and panels where only some queries have data, per dashboard, under Wine.
    /// Windows has no load average, context switch, interrupt, fork, process state, file descriptor,
    /// inode, netstat or sockstat figures the exporter reads; no MemFree, Buffers or Cached either.
    /// Wine has no physical disks to open (\\.\PhysicalDriveN) and no page file list, so the disk
    /// I/O and swap panels are empty here and show data on Windows.
    /// </summary>
    private static readonly Dictionary<string, (string[] Empty, string[] Partial)> Expected = new(StringComparer.Ordinal)
    {
        ["overview.json"] = ([], []),
        ["cpu.json"] = (["I/O wait", "Load average", "Context switches and interrupts", "Load average (average)"], []),
        ["memory.json"] = (["Swap"], ["Memory"]),
        ["disk.json"] = (["Inode usage", "Disk throughput", "Disk IOPS", "Disk busy time", "Disk throughput (average)"], []),
        ["network.json"] = (["TCP connections", "Sockets in use", "TCP connections (average)"], []),
        ["processes.json"] = (["Processes", "Forks", "Open file descriptors", "Context switches"], []),
    };

    public static TheoryData<string> Files => [.. Expected.Keys];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_panels_without_data_for_a_windows_host_are_the_documented_ones(string file)
    {
        var empty = new List<string>();
        var partial = new List<string>();
        foreach (var panel in Dashboards.Panels(Dashboards.Load(file)))
        {
            var title = panel.GetProperty("title").GetString()!;
            var queries = Dashboards.Queries(panel).ToList();
            if (queries.Count == 0)
            {
                continue;
            }

            var answered = 0;
            var total = 0;
            foreach (var (uid, expr) in queries)
            {
                var tiers = uid.Contains("tier", StringComparison.Ordinal) || expr.Contains("tier", StringComparison.Ordinal) ? LiveStack.TierNames : ["1m"];
                foreach (var tier in tiers)
                {
                    total++;
                    answered += (await wine.Prometheus.QueryAsync(Dashboards.Substitute(expr, wine.Instance, tier))).Count > 0 ? 1 : 0;
                }
            }

            output.WriteLine($"{file} '{title}': {answered} of {total} queries have data");
            (answered == 0 ? empty : answered < total ? partial : null)?.Add(title);
        }

        empty.Should().BeEquivalentTo(Expected[file].Empty, "panels without data for a Windows host ({0})", file);
        partial.Should().BeEquivalentTo(Expected[file].Partial, "panels with some of their queries answered ({0})", file);
    }
}
