using System.Text.RegularExpressions;
using Exporter.TestSupport;

namespace Exporter.Core.Tests;

/// <summary>
/// The host, run as a process against the fixture tree under tests/Exporter.Core.Tests/fixtures,
/// must produce exactly the committed fixtures/e2e-output.txt. Set UPDATE_GOLDEN=1 to rewrite it
/// after an intended change, then review the diff.
/// </summary>
public sealed partial class EndToEndGoldenTests
{
    private static readonly string Fixtures = RepoPaths.Combine("tests", "Exporter.Core.Tests", "fixtures");
    private static readonly string GoldenFile = Path.Join(Fixtures, "e2e-output.txt");

    /// <summary>Flags for the fixture run: every collector that reads only procfs and sysfs.</summary>
    public static readonly string[] Flags =
    [
        $"--path.procfs={Path.Join(Fixtures, "proc")}",
        $"--path.sysfs={Path.Join(Fixtures, "sys")}",
        $"--path.rootfs={Path.Join(Fixtures, "rootfs")}",
        "--collector.interrupts",

        // On by default where a Docker socket exists: the fixture run must not depend on the machine.
        "--no-collector.docker",
        "--collector.processes",
        "--collector.tcpstat",
        "--collector.procgroups",
        $"--collector.textfile.directory={Path.Join(Fixtures, "textfile")}",
    ];

    [Fact]
    public async Task Fixture_tree_produces_the_golden_exposition()
    {
        using var host = await HostProcess.StartAsync(Flags);
        var actual = Stable(await host.GetMetricsAsync());

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(GoldenFile, actual);
        }

        var expected = await File.ReadAllTextAsync(GoldenFile);
        actual.Should().Be(expected, "the host's output on the fixtures changed; rerun with UPDATE_GOLDEN=1 if intended, and review the diff");
    }

    /// <summary>
    /// Drops the samples that depend on the moment or the machine rather than the fixtures: scrape
    /// durations, the clock, and what comes from system calls instead of files (uname, statvfs of the
    /// fixture mount points).
    /// </summary>
    internal static string Stable(string exposition) =>
        string.Join('\n', exposition.Split('\n').Where(line => !Unstable().IsMatch(line)));

    // timex comes from adjtimex(2), not a file: its families, and whether the call is allowed here, vary by machine.
    // Textfile mtimes and paths depend on the checkout.
    // Filesystem sizes come from stat'ing the fixture directories on whatever machine runs the test.
    [GeneratedRegex(@"^(node_scrape_collector_duration_seconds|node_time_seconds|node_time_zone_offset_seconds|node_timex_[a-z_]+|node_uname_info|process_[a-z_]+|exporter_build_info|node_textfile_mtime_seconds|node_filesystem_(size_bytes|free_bytes|avail_bytes|files|files_free))[{ ]|^# (HELP|TYPE) node_timex_|^node_scrape_collector_success\{collector=""timex""\}")]
    private static partial Regex Unstable();
}
