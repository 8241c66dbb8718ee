using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class DiskstatsCollectorTests
{
    [Fact]
    public async Task Converts_sectors_to_bytes_and_milliseconds_to_seconds()
    {
        var series = await CollectAsync(new DiskstatsOptions());

        series["node_disk_reads_completed_total{vda}"].Should().Be(37862);
        series["node_disk_read_bytes_total{vda}"].Should().Be(3122114d * 512);
        series["node_disk_read_time_seconds_total{vda}"].Should().BeApproximately(32.509, 1e-9);
        series["node_disk_written_bytes_total{vda}"].Should().Be(3145720d * 512);
        series["node_disk_io_now{vda}"].Should().Be(0);
        series["node_disk_io_time_weighted_seconds_total{vda}"].Should().BeApproximately(36.297, 1e-9);
        series["node_disk_discarded_sectors_total{vda}"].Should().Be(356600, "node_exporter keeps discards in sectors");
        series["node_disk_flush_requests_total{vda}"].Should().Be(1304);
        series["node_disk_flush_requests_time_seconds_total{vda}"].Should().BeApproximately(0.013, 1e-9);
        series.Keys.Count(k => k.EndsWith("{vda}", StringComparison.Ordinal)).Should().Be(17);
    }

    [Fact]
    public async Task Leaves_out_partitions_loop_devices_by_default()
    {
        var series = await CollectAsync(new DiskstatsOptions());

        series.Keys.Where(k => k.StartsWith("node_disk_reads_completed_total", StringComparison.Ordinal)).Should().Equal(
            "node_disk_reads_completed_total{dm-0}", "node_disk_reads_completed_total{nvme0n1}", "node_disk_reads_completed_total{sda}",
            "node_disk_reads_completed_total{vda}", "node_disk_reads_completed_total{zram0}");
    }

    [Fact]
    public async Task Labels_info_from_the_udev_database_and_adds_its_extra_metrics()
    {
        var series = await CollectAsync(new DiskstatsOptions());

        series.Should().ContainKey("node_disk_info{sda,8,0,WDC_WD10EZEX-00BN5A0,pci-0000:00:1f.2-ata-1,01.01A01,WD-WCC3F0000000,0x50014ee000000000}");
        series.Should().ContainKey("node_disk_info{vda,254,0,,,,,}");
        series["node_disk_ata_rotation_rate_rpm{sda}"].Should().Be(7200);
        series["node_disk_ata_write_cache_enabled{sda}"].Should().Be(1);
        series.Should().ContainKey("node_disk_filesystem_info{dm-0,ext4,filesystem,00000000-1111-2222-3333-444444444444,1.0}");
        series.Should().ContainKey("node_disk_device_mapper_info{dm-0,,root,vg0-root,LVM-0000000000000000000000000000000000000000000000000000000000000000,vg0}");
        series.Keys.Should().NotContain(k => k.StartsWith("node_disk_ata_", StringComparison.Ordinal) && !k.EndsWith("{sda}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Include_pattern_selects_devices()
    {
        var series = await CollectAsync(new DiskstatsOptions { DeviceInclude = "^sda" });

        series.Keys.Where(k => k.StartsWith("node_disk_io_now", StringComparison.Ordinal)).Should().Equal("node_disk_io_now{sda}", "node_disk_io_now{sda1}");
        series["node_disk_discards_completed_total{sda1}"].Should().Be(0);
    }

    private static Task<Dictionary<string, double>> CollectAsync(DiskstatsOptions options)
    {
        return Fixtures.CollectAsync(new DiskstatsCollector(Fixtures.Paths, options));
    }
}
