using Exporter.Core.Exposition;
using Exporter.Host.Status;
using static Exporter.Core.Tests.Host.Status.Families;

namespace Exporter.Core.Tests.Host.Status;

public sealed class HostStatusBuilderTests
{
    [Fact]
    public void Cpu_busy_is_everything_but_idle_over_the_interval_per_core_and_overall()
    {
        var before = At(0, Cpu(("0", 100, 50), ("1", 100, 50)));
        var now = At(10, Cpu(("0", 105, 55), ("1", 110, 50)));

        var cpu = HostStatusBuilder.Build(now, before).Cpu;

        cpu.Cores.Should().Be(2);
        cpu.PerCore.Should().Equal(new CoreStatus("0", 50), new CoreStatus("1", 0));
        cpu.BusyPercent.Should().Be(25);
        cpu.IowaitPercent.Should().Be(0, "iowait did not move");
    }

    [Fact]
    public void Cores_are_in_numeric_order()
    {
        var cpu = HostStatusBuilder.Build(At(0, Cpu(("10", 1, 1), ("2", 1, 1), ("0", 1, 1))), null).Cpu;

        cpu.PerCore.Select(c => c.Cpu).Should().Equal("0", "2", "10");
    }

    [Fact]
    public void A_first_reading_has_every_gauge_and_no_rate()
    {
        var now = At(0,
            Cpu(("0", 100, 50)),
            Gauge("node_memory_MemTotal_bytes", 8e9), Gauge("node_memory_MemAvailable_bytes", 6e9),
            Of("node_disk_read_bytes_total", MetricType.Counter, ["device"], (["sda"], 1000)),
            Of("node_disk_written_bytes_total", MetricType.Counter, ["device"], (["sda"], 2000)));

        var host = HostStatusBuilder.Build(now, null);

        host.Cpu.Cores.Should().Be(1);
        host.Cpu.BusyPercent.Should().BeNull();
        host.Cpu.PerCore.Single().BusyPercent.Should().BeNull();
        host.Memory.Should().Be(new UsageStatus(8e9, 2e9, 25));
        host.Disks.Should().Equal(new DiskStatus("sda", null, null));
    }

    [Fact]
    public void Memory_used_is_total_less_available_and_swap_total_less_free()
    {
        var host = HostStatusBuilder.Build(At(0,
            Gauge("node_memory_MemTotal_bytes", 16e9), Gauge("node_memory_MemAvailable_bytes", 4e9),
            Gauge("node_memory_SwapTotal_bytes", 2e9), Gauge("node_memory_SwapFree_bytes", 1.5e9)), null);

        host.Memory.Should().Be(new UsageStatus(16e9, 12e9, 75));
        host.Swap.Should().Be(new UsageStatus(2e9, 0.5e9, 25));
    }

    [Fact]
    public void No_swap_has_no_percentage_and_missing_collectors_leave_sections_empty()
    {
        var host = HostStatusBuilder.Build(At(0, Gauge("node_memory_SwapTotal_bytes", 0), Gauge("node_memory_SwapFree_bytes", 0)), null);

        host.Swap.Should().Be(new UsageStatus(0, 0, null));
        host.Memory.Should().BeNull();
        host.Load.Should().BeNull();
        host.Hostname.Should().BeNull();
        host.UptimeSeconds.Should().BeNull();
        host.Cpu.Cores.Should().Be(0);
        host.Filesystems.Should().BeEmpty();
    }

    [Fact]
    public void Filesystem_use_is_dfs_used_over_used_plus_available_and_a_failed_mount_is_marked()
    {
        string[] labels = ["device", "fstype", "mountpoint"];
        var host = HostStatusBuilder.Build(At(0,
            Of("node_filesystem_size_bytes", MetricType.Gauge, labels, (["/dev/sda1", "ext4", "/"], 100), (["/dev/sdb1", "xfs", "/data"], 1000)),
            Of("node_filesystem_free_bytes", MetricType.Gauge, labels, (["/dev/sda1", "ext4", "/"], 40), (["/dev/sdb1", "xfs", "/data"], 1000)),
            Of("node_filesystem_avail_bytes", MetricType.Gauge, labels, (["/dev/sda1", "ext4", "/"], 35), (["/dev/sdb1", "xfs", "/data"], 1000)),
            Of("node_filesystem_readonly", MetricType.Gauge, labels, (["/dev/sda1", "ext4", "/"], 0), (["/dev/sdb1", "xfs", "/data"], 1)),
            Of("node_filesystem_device_error", MetricType.Gauge, labels, (["/dev/sda1", "ext4", "/"], 0), (["/dev/sdb1", "xfs", "/data"], 0), (["nfs:/x", "nfs", "/mnt/nfs"], 1))), null);

        host.Filesystems.Should().Equal(
            new FilesystemStatus("/", "/dev/sda1", "ext4", 100, 60, 35, Math.Round(60.0 / 95 * 100, 2), false, false),
            new FilesystemStatus("/data", "/dev/sdb1", "xfs", 1000, 0, 1000, 0, true, false),
            new FilesystemStatus("/mnt/nfs", "nfs:/x", "nfs", 0, 0, 0, null, false, true));
    }

    [Fact]
    public void Disk_and_network_rates_per_device_and_none_after_a_counter_reset()
    {
        var before = At(0,
            Of("node_disk_read_bytes_total", MetricType.Counter, ["device"], (["sda"], 1000), (["sdb"], 5000)),
            Of("node_disk_written_bytes_total", MetricType.Counter, ["device"], (["sda"], 0), (["sdb"], 0)),
            Of("node_network_receive_bytes_total", MetricType.Counter, ["device"], (["eth0"], 100)),
            Of("node_network_transmit_bytes_total", MetricType.Counter, ["device"], (["eth0"], 100)));
        var now = At(4,
            Of("node_disk_read_bytes_total", MetricType.Counter, ["device"], (["sda"], 9000), (["sdb"], 10)),
            Of("node_disk_written_bytes_total", MetricType.Counter, ["device"], (["sda"], 4096), (["sdb"], 0)),
            Of("node_network_receive_bytes_total", MetricType.Counter, ["device"], (["eth0"], 500), (["eth1"], 7)),
            Of("node_network_transmit_bytes_total", MetricType.Counter, ["device"], (["eth0"], 102), (["eth1"], 7)));

        var host = HostStatusBuilder.Build(now, before);

        host.Disks.Should().Equal(new DiskStatus("sda", 2000, 1024), new DiskStatus("sdb", null, 0));
        host.Networks.Should().Equal(new NetworkStatus("eth0", 100, 0.5), new NetworkStatus("eth1", null, null));
    }

    [Fact]
    public void Uptime_hostname_and_load_from_their_families()
    {
        var host = HostStatusBuilder.Build(At(0,
            Gauge("node_time_seconds", 1_800_000_100.6), Gauge("node_boot_time_seconds", 1_800_000_000),
            Of("node_uname_info", MetricType.Info, ["nodename", "release"], (["web-1", "6.1.0"], 1)),
            Gauge("node_load1", 0.5), Gauge("node_load5", 0.25), Gauge("node_load15", 0.125)), null);

        host.UptimeSeconds.Should().Be(101);
        host.Hostname.Should().Be("web-1");
        host.Load.Should().Be(new LoadStatus(0.5, 0.25, 0.125));
    }

    [Fact]
    public void Values_that_are_not_finite_are_left_out()
    {
        var host = HostStatusBuilder.Build(At(0, Gauge("node_memory_MemTotal_bytes", double.NaN), Gauge("node_memory_MemAvailable_bytes", 1), Gauge("node_load1", double.PositiveInfinity)), null);

        host.Memory.Should().BeNull();
        host.Load.Should().BeNull();
    }
}
