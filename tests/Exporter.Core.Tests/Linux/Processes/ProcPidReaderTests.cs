using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class ProcPidReaderTests
{
    private static readonly string FixtureProc = Fixtures.Paths.Procfs;

    [Fact]
    public void Lists_only_numeric_entries()
    {
        ProcPidReader.ListPids(FixtureProc).Order().Should().Equal(1, 42, 43, 100);
        ProcPidReader.ListPids(Path.Join(FixtureProc, "100", "task")).Order().Should().Equal(100, 101);
        ProcPidReader.ListPids("/nonexistent").Should().BeEmpty();
    }

    [Fact]
    public void A_missing_file_is_null_and_a_present_one_is_read_whole()
    {
        var reader = new ProcPidReader();
        reader.TryRead(Path.Join(FixtureProc, "43", "io")).Should().BeNull();
        reader.TryRead(Path.Join(FixtureProc, "100", "stat")).Should().StartWith("100 (my (odd) app) R").And.EndWith("0\n");
        reader.TryRead("/proc/self/status").Should().Contain("VmRSS:", "procfs files report size 0 and are read to the end");
    }

    [Fact]
    public void Open_fds_from_the_directory_size_on_procfs_match_counting_them()
    {
        DirectorySize.IsProcfs("/proc").Should().BeTrue();
        DirectorySize.IsProcfs(FixtureProc).Should().BeFalse();

        var counted = ProcPidReader.CountEntries("/proc/self/fd")!.Value;
        var fromSize = new ProcPidReader(onProcfs: true).CountOpenFds("/proc/self/fd")!.Value;

        // Listing the directory holds one descriptor open itself; other threads may open a few meanwhile.
        fromSize.Should().BeCloseTo(counted, 5);
        new ProcPidReader(onProcfs: false).CountOpenFds(Path.Join(FixtureProc, "100", "fd")).Should().Be(8);
    }
}
