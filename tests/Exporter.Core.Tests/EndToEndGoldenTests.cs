using System.Text.RegularExpressions;
using Exporter.TestSupport;

namespace Exporter.Core.Tests;

/// <summary>
/// The host, run as a process against the fixture tree under tests/Exporter.Core.Tests/fixtures,
/// must produce exactly the committed fixtures/e2e-output.txt. Set UPDATE_GOLDEN=1 to rewrite it
/// after an intended change, then review the diff. Values the fixture gives in pages (resident
/// set sizes, socket buffer memory) are bytes only through the machine's page size: the golden
/// file holds them for 4 KiB pages, and the output is brought to that before comparing.
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

        // A collector that times out would change the output: on a busy machine 5 s can pass.
        "--collector.timeout=25s",
    ];

    [Fact]
    public async Task Fixture_tree_produces_the_golden_exposition()
    {
        using var host = await HostProcess.StartAsync(Flags);
        var actual = Stable(await host.GetMetricsAsync(), Environment.SystemPageSize);

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
    internal static string Stable(string exposition, int pageSize) =>
        string.Join('\n', exposition.Split('\n').Where(line => !Unstable().IsMatch(line)).Select(line => InGoldenPages(line, pageSize)));

    [Theory]
    [InlineData(4096)]
    [InlineData(16384)]
    [InlineData(65536)]
    public void Page_sized_values_are_compared_as_on_4_KiB_pages(int pageSize)
    {
        // init's rss in the fixture is 3120 pages; TCP's sockstat mem 278 pages.
        var output = $"namedprocess_namegroup_memory_bytes{{groupname=\"init\",memtype=\"resident\"}} {3120L * pageSize}\n"
            + $"namedprocess_namegroup_memory_bytes{{groupname=\"init\",memtype=\"virtual\"}} 172564480\n"
            + $"node_sockstat_TCP_mem_bytes {278L * pageSize}\nnode_sockstat_TCP_mem 278";

        Stable(output, pageSize).Should().Be(
            "namedprocess_namegroup_memory_bytes{groupname=\"init\",memtype=\"resident\"} 12779520\n"
            + "namedprocess_namegroup_memory_bytes{groupname=\"init\",memtype=\"virtual\"} 172564480\n"
            + "node_sockstat_TCP_mem_bytes 1138688\nnode_sockstat_TCP_mem 278");
    }

    private static string InGoldenPages(string line, int pageSize)
    {
        const int GoldenPageSize = 4096;
        if (pageSize == GoldenPageSize || !PageSized().IsMatch(line))
        {
            return line;
        }

        var space = line.LastIndexOf(' ');
        var bytes = double.Parse(line[(space + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        return line[..(space + 1)] + (bytes / pageSize * GoldenPageSize).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }

    // Samples computed as pages × page size: procgroups' resident memory, sockstat's TCP/UDP mem.
    [GeneratedRegex(@"^(namedprocess_namegroup_memory_bytes\{.*memtype=""resident""\}|node_sockstat_[A-Z0-9]+_mem_bytes) ")]
    private static partial Regex PageSized();

    // timex comes from adjtimex(2), not a file: its families, and whether the call is allowed here, vary by machine.
    // Textfile mtimes and paths depend on the checkout.
    // Filesystem sizes come from stat'ing the fixture directories on whatever machine runs the test.
    [GeneratedRegex(@"^(node_scrape_collector_duration_seconds|node_time_seconds|node_time_zone_offset_seconds|node_timex_[a-z_]+|node_uname_info|process_[a-z_]+|exporter_build_info|node_textfile_mtime_seconds|node_filesystem_(size_bytes|free_bytes|avail_bytes|files|files_free))[{ ]|^# (HELP|TYPE) node_timex_|^node_scrape_collector_success\{collector=""timex""\}")]
    private static partial Regex Unstable();
}
