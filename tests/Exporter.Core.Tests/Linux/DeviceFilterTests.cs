using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class DeviceFilterTests
{
    [Theory]
    [InlineData("loop0", true)]
    [InlineData("ram12", true)]
    [InlineData("sda", false)]
    [InlineData("sda1", true)]
    [InlineData("xvda3", true)]
    [InlineData("nvme0n1", false)]
    [InlineData("nvme0n1p2", true)]
    [InlineData("dm-0", false)]
    [InlineData("zram0", false)]
    public void Diskstats_default_leaves_out_partitions_and_virtual_disks(string device, bool ignored)
    {
        new DeviceFilter(new DiskstatsOptions().EffectiveDeviceExclude, null).Ignored(device).Should().Be(ignored);
    }

    [Fact]
    public void Patterns_match_anywhere_unless_anchored_as_in_go()
    {
        var filter = new DeviceFilter("eth", null);
        filter.Ignored("veth0").Should().BeTrue();
        filter.Ignored("lo").Should().BeFalse();
    }

    [Fact]
    public void Include_keeps_only_matching_devices_and_empty_means_no_filter()
    {
        var filter = new DeviceFilter(string.Empty, "^eth");
        filter.Ignored("eth0").Should().BeFalse();
        filter.Ignored("lo").Should().BeTrue();
        new DeviceFilter(string.Empty, string.Empty).Ignored("anything").Should().BeFalse();
    }

    [Fact]
    public void An_include_pattern_replaces_the_default_exclusion()
    {
        var options = new DiskstatsOptions { DeviceInclude = "^sda" };
        options.EffectiveDeviceExclude.Should().BeNull();
        options.Errors().Should().BeEmpty();
        new DeviceFilter(options.EffectiveDeviceExclude, options.DeviceInclude).Ignored("sda1").Should().BeFalse();
    }

    [Fact]
    public void Options_reject_both_patterns_and_bad_regular_expressions()
    {
        new DiskstatsOptions { DeviceInclude = "^sda", DeviceExclude = "^loop" }.Errors()
            .Should().ContainSingle().Which.Should().Contain("mutually exclusive");
        new NetDevOptions { DeviceExclude = "(" }.Errors()
            .Should().ContainSingle().Which.Should().StartWith("--collector.netdev.device-exclude: '(' is not a valid regular expression");
        new FilesystemOptions { FsTypesExclude = "[", MountTimeout = TimeSpan.Zero }.Errors().Should().HaveCount(2);
        new FilesystemOptions().Errors().Should().BeEmpty();
    }

    [Fact]
    public void Deprecated_flag_names_still_work_but_not_together_with_the_new_ones()
    {
        new FilesystemOptions { IgnoredMountPoints = "^/x" }.EffectiveMountPointsExclude.Should().Be("^/x");
        new FilesystemOptions { IgnoredFsTypes = "^nfs$" }.EffectiveFsTypesExclude.Should().Be("^nfs$");
        new FilesystemOptions { IgnoredMountPoints = "^/x", MountPointsExclude = "^/y" }.Errors()
            .Should().ContainSingle().Which.Should().Be("--collector.filesystem.ignored-mount-points and --collector.filesystem.mount-points-exclude are mutually exclusive");
        new DiskstatsOptions { IgnoredDevices = "^sd" }.EffectiveDeviceExclude.Should().Be("^sd");
        new DiskstatsOptions { IgnoredDevices = "^sd", DeviceExclude = "^vd" }.Errors().Should().ContainSingle();
        new NetDevOptions { DeviceBlacklist = "^lo$" }.EffectiveDeviceExclude.Should().Be("^lo$");
        new NetDevOptions { DeviceWhitelist = "^eth" }.EffectiveDeviceInclude.Should().Be("^eth");
        new NetDevOptions { DeviceWhitelist = "^eth", DeviceInclude = "^en" }.Errors().Should().ContainSingle();
    }
}
