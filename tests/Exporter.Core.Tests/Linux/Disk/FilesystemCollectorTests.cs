using System.Collections.Concurrent;
using Exporter.Core.Linux;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exporter.Core.Tests.Linux;

public sealed class FilesystemCollectorTests : IDisposable
{
    private static readonly FileSystemStats Disk = new(1000, 600, 500, 100, 40);
    private readonly string _dir = Directory.CreateTempSubdirectory("fs-collector-").FullName;
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Reports_the_fixture_mounts_with_node_exporters_default_exclusions()
    {
        var paths = new HostPaths(Fixtures.Paths.Procfs, Fixtures.Paths.Sysfs, "/");
        var collector = Collector(paths, path => path == "/srv/backup copy" ? (default, 2) : (Disk, 0));

        var series = await Fixtures.CollectAsync(collector);

        series.Keys.Where(k => k.StartsWith("node_filesystem_device_error", StringComparison.Ordinal)).Should().Equal(
            "node_filesystem_device_error{/dev/vda,ext4,/}",
            "node_filesystem_device_error{/dev/vdb1,vfat,/boot}",
            "node_filesystem_device_error{/dev/vdc1,ext4,/srv/backup copy}",
            "node_filesystem_device_error{tmpfs,tmpfs,/run}");
        series["node_filesystem_device_error{/dev/vdc1,ext4,/srv/backup copy}"].Should().Be(1);
        series.Should().NotContainKey("node_filesystem_size_bytes{/dev/vdc1,ext4,/srv/backup copy}");
        series["node_filesystem_device_error{/dev/vda,ext4,/}"].Should().Be(0);
        series["node_filesystem_size_bytes{/dev/vda,ext4,/}"].Should().Be(1000);
        series["node_filesystem_free_bytes{/dev/vda,ext4,/}"].Should().Be(600);
        series["node_filesystem_avail_bytes{/dev/vda,ext4,/}"].Should().Be(500);
        series["node_filesystem_files{/dev/vda,ext4,/}"].Should().Be(100);
        series["node_filesystem_files_free{/dev/vda,ext4,/}"].Should().Be(40);
        series["node_filesystem_readonly{/dev/vda,ext4,/}"].Should().Be(0);
        series["node_filesystem_readonly{/dev/vdb1,vfat,/boot}"].Should().Be(1);
        _calls["/"].Should().Be(1, "the duplicate / line is reported and stat'ed once");
    }

    [Fact]
    public async Task A_hung_stat_is_reported_as_a_device_error_and_not_restarted_until_it_returns()
    {
        WriteMounts("1/mounts", "/dev/vda / ext4 rw 0 0\nnfs:/export /mnt/nfs nfs4 rw 0 0\n");
        using var release = new ManualResetEventSlim();
        var collector = Collector(Paths(), path =>
        {
            if (path == "/mnt/nfs")
            {
                release.Wait();
            }

            return (Disk, 0);
        }, mountTimeout: TimeSpan.FromSeconds(1));

        var first = await Fixtures.CollectAsync(collector);
        first["node_filesystem_device_error{nfs:/export,nfs4,/mnt/nfs}"].Should().Be(1);
        first["node_filesystem_device_error{/dev/vda,ext4,/}"].Should().Be(0);
        first.Should().NotContainKey("node_filesystem_size_bytes{nfs:/export,nfs4,/mnt/nfs}");

        var second = await Fixtures.CollectAsync(collector);
        second["node_filesystem_device_error{nfs:/export,nfs4,/mnt/nfs}"].Should().Be(1);
        _calls["/mnt/nfs"].Should().Be(1, "no second stat while the first is stuck");
        _calls["/"].Should().Be(2);

        release.Set();
        await WaitUntilAsync(() => collector.StuckCount == 0);
        var third = await Fixtures.CollectAsync(collector);
        third["node_filesystem_device_error{nfs:/export,nfs4,/mnt/nfs}"].Should().Be(0);
        third["node_filesystem_size_bytes{nfs:/export,nfs4,/mnt/nfs}"].Should().Be(1000);
        _calls["/mnt/nfs"].Should().Be(2);
    }

    [Theory]
    [InlineData(5000, 5000, 4000)]
    [InlineData(5000, 500, 400)]
    [InlineData(1000, 5000, 1000)]
    public void Waits_for_a_mount_no_longer_than_most_of_the_collector_timeout(int mountTimeoutMs, int collectorTimeoutMs, int expectedMs)
    {
        var options = new FilesystemOptions { MountTimeout = TimeSpan.FromMilliseconds(mountTimeoutMs) };
        new FilesystemCollector(Paths(), options, TimeSpan.FromMilliseconds(collectorTimeoutMs), NullLogger.Instance)
            .MountTimeout.Should().Be(TimeSpan.FromMilliseconds(expectedMs));
    }

    [Fact]
    public async Task Strips_the_rootfs_prefix_from_labels_and_adds_it_for_stat()
    {
        WriteMounts("1/mounts", "/dev/sda1 /host/data ext4 rw 0 0\n/dev/sda2 /srv ext4 rw 0 0\n/dev/sda3 /host ext4 rw 0 0\n");
        var collector = Collector(Paths(rootfs: "/host"), _ => (Disk, 0));

        var series = await Fixtures.CollectAsync(collector);

        series.Should().ContainKey("node_filesystem_device_error{/dev/sda1,ext4,/data}");
        series.Should().ContainKey("node_filesystem_device_error{/dev/sda2,ext4,/srv}");
        series.Should().ContainKey("node_filesystem_device_error{/dev/sda3,ext4,/}");
        _calls.Keys.Should().BeEquivalentTo("/host/data", "/host/srv", "/host/");
    }

    [Fact]
    public async Task Falls_back_to_proc_mounts_and_reports_nothing_without_either()
    {
        var collector = Collector(Paths(), _ => (Disk, 0));
        (await Fixtures.CollectAsync(collector)).Should().BeEmpty();

        WriteMounts("mounts", "/dev/vda / ext4 ro 0 0\n");
        (await Fixtures.CollectAsync(collector))["node_filesystem_readonly{/dev/vda,ext4,/}"].Should().Be(1);
    }

    [Fact]
    public async Task Custom_exclusions_replace_the_defaults()
    {
        WriteMounts("1/mounts", "proc /proc proc rw 0 0\n/dev/vda / ext4 rw 0 0\n/dev/vdb /data xfs rw 0 0\n");
        var options = new FilesystemOptions { MountPointsExclude = "^/data$", FsTypesExclude = string.Empty };
        var collector = new FilesystemCollector(Paths(), options, TimeSpan.FromSeconds(5), NullLogger.Instance, _ => (Disk, 0));

        var series = await Fixtures.CollectAsync(collector);

        series.Keys.Where(k => k.StartsWith("node_filesystem_device_error", StringComparison.Ordinal))
            .Should().Equal("node_filesystem_device_error{/dev/vda,ext4,/}", "node_filesystem_device_error{proc,proc,/proc}");
    }

    private FilesystemCollector Collector(HostPaths paths, Func<string, (FileSystemStats, int)> stat, TimeSpan? mountTimeout = null) =>
        new(paths, new FilesystemOptions { MountTimeout = mountTimeout ?? TimeSpan.FromSeconds(2) }, TimeSpan.FromSeconds(5), NullLogger.Instance, path =>
        {
            _calls.AddOrUpdate(path, 1, (_, n) => n + 1);
            return stat(path);
        });

    private HostPaths Paths(string rootfs = "/") => new(Path.Join(_dir, "proc"), Path.Join(_dir, "sys"), rootfs);

    private void WriteMounts(string relative, string text)
    {
        var path = Path.Join(_dir, "proc", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        condition().Should().BeTrue();
    }
}
