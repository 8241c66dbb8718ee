using System.Globalization;
using System.Runtime.InteropServices;
using Exporter.TestSupport;
using Microsoft.Win32.SafeHandles;

namespace Exporter.IntegrationTests.Linux;

/// <summary>
/// A mount whose server never answers (here a FUSE mount whose daemon never reads /dev/fuse, as a
/// dead NFS server would) must not stall the filesystem collector: the mount is reported with
/// node_filesystem_device_error 1, the collector still succeeds, and the hung statvfs is not
/// started again while it is stuck. Needs root (mount(2)) and /dev/fuse, as on CI.
/// </summary>
public sealed partial class StuckMountTests : IDisposable
{
    private readonly string _mountPoint = Directory.CreateTempSubdirectory("stuck-mount-").FullName;
    private SafeFileHandle? _fuse;

    public void Dispose()
    {
        // Closing the FUSE connection fails the hung requests, so nothing stays blocked.
        _fuse?.Dispose();
        _ = Umount2(_mountPoint, MntDetach);
        Directory.Delete(_mountPoint);
    }

    [Fact]
    public async Task A_hung_mount_is_a_device_error_not_a_failed_collector()
    {
        Environment.IsPrivilegedProcess.Should().BeTrue("this test mounts a file system, which needs root");
        File.Exists("/dev/fuse").Should().BeTrue("the kernel's FUSE device is needed to make a mount that never answers");
        _fuse = File.OpenHandle("/dev/fuse", FileMode.Open, FileAccess.ReadWrite);
        var options = string.Create(CultureInfo.InvariantCulture, $"fd={_fuse.DangerousGetHandle()},rootmode=40000,user_id=0,group_id=0");
        Mount("stucktest", _mountPoint, "fuse", 0, options).Should().Be(0, $"mount failed with errno {Marshal.GetLastPInvokeError()}");

        using var host = await HostProcess.StartAsync(
            "--collector.disable-defaults", "--collector.filesystem", "--collector.filesystem.mount-timeout=1s", "--log.level=debug");
        var series = $"node_filesystem_device_error{{device=\"stucktest\",fstype=\"fuse\",mountpoint=\"{_mountPoint}\"}} 1";

        var first = await host.GetMetricsAsync();
        first.Should().Contain(series);
        first.Should().Contain("node_scrape_collector_success{collector=\"filesystem\"} 1");
        first.Should().Contain("node_filesystem_device_error{device=\"/dev/", "the other mounts are still reported");

        var second = await host.GetMetricsAsync();
        second.Should().Contain(series);
        second.Should().Contain("node_scrape_collector_success{collector=\"filesystem\"} 1");

        var expected = $"Mount point {_mountPoint} is still unresponsive, skipped";
        (await host.WaitForOutputAsync(expected)).Should().Contain(expected);
    }

    private const int MntDetach = 2;

    [LibraryImport("libc", EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Mount(string source, string target, string fileSystemType, ulong flags, string data);

    [LibraryImport("libc", EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Umount2(string target, int flags);
}
