using Exporter.Core.Collection;
using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

/// <summary>Collector behaviour the golden file does not show: options, fallbacks, missing files.</summary>
public sealed class LinuxCollectorTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("exporter-linux-tests-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Netclass_leaves_out_ignored_devices_and_optionally_invalid_speeds()
    {
        var collector = new NetClassCollector(Fixtures.Paths, new NetClassOptions { IgnoredDevices = "^lo$", IgnoreInvalidSpeed = true });

        var samples = await Fixtures.CollectByFamilyAsync(collector);

        samples["node_network_up"].Keys.Should().Equal("eth0", "wlan0");
        samples["node_network_speed_bytes"].Should().BeEquivalentTo(new Dictionary<string, double> { ["eth0"] = 1_250_000_000 });
        samples["node_network_carrier"].Keys.Should().Equal("eth0");
    }

    [Fact]
    public async Task Netclass_by_default_keeps_every_device_and_the_negative_speed()
    {
        var samples = await Fixtures.CollectByFamilyAsync(new NetClassCollector(Fixtures.Paths, new NetClassOptions()));

        samples["node_network_up"].Keys.Should().Equal("eth0", "lo", "wlan0");
        samples["node_network_speed_bytes"]["wlan0"].Should().Be(-125_000);
    }

    [Fact]
    public async Task Vmstat_exports_the_fields_the_filter_selects()
    {
        var collector = new VmstatCollector(Fixtures.Paths, new VmstatOptions { Fields = "^nr_(free|dirty)" });

        var samples = await Fixtures.CollectByFamilyAsync(collector);

        samples.Keys.Should().BeEquivalentTo("node_vmstat_nr_dirty", "node_vmstat_nr_free_pages");
        samples["node_vmstat_nr_free_pages"][string.Empty].Should().Be(1001160);
    }

    [Fact]
    public async Task Os_falls_back_to_usr_lib_os_release()
    {
        Write("root/usr/lib/os-release", "NAME=\"Fedora Linux\"\nID=fedora\nVERSION_ID=39\nVARIANT_ID=container\n");
        var collector = new OsCollector(new HostPaths(_temp, _temp, Path.Join(_temp, "root")));

        var samples = await Fixtures.CollectByFamilyAsync(collector);

        samples["node_os_version"].Should().BeEquivalentTo(new Dictionary<string, double> { ["fedora||Fedora Linux"] = 39 });
        samples["node_os_info"].Keys.Should().ContainSingle().Which.Should().Contain("|container|");
    }

    [Fact]
    public async Task Missing_files_are_no_data_not_errors()
    {
        var empty = new HostPaths(_temp, _temp, _temp);
        ICollector[] collectors =
        [
            new VmstatCollector(empty, new VmstatOptions()), new FilefdCollector(empty), new EntropyCollector(empty),
            new PressureCollector(empty), new ConntrackCollector(empty), new SoftnetCollector(empty), new SchedstatCollector(empty),
            new InterruptsCollector(empty), new OsCollector(empty), new UdpQueuesCollector(empty), new HwmonCollector(empty),
            new ThermalZoneCollector(empty), new NetClassCollector(empty, new NetClassOptions()),
        ];

        foreach (var collector in collectors)
        {
            (await Fixtures.CollectByFamilyAsync(collector)).Should().BeEmpty(collector.Name);
        }
    }

    [Fact]
    public async Task A_malformed_file_fails_the_collector()
    {
        Write("proc/sys/fs/file-nr", "garbage\n");
        var act = () => Fixtures.CollectByFamilyAsync(new FilefdCollector(new HostPaths(Path.Join(_temp, "proc"), _temp, _temp)));
        await act.Should().ThrowAsync<FormatException>().WithMessage("filefd:*");
    }

    [Fact]
    public async Task Thermal_zones_without_a_readable_temperature_are_left_out()
    {
        Write("sys/class/thermal/thermal_zone0/type", "acpitz\n");
        Write("sys/class/thermal/thermal_zone0/temp", "27800\n");
        Write("sys/class/thermal/thermal_zone1/type", "iwlwifi_1\n");
        Write("sys/class/thermal/thermal_zone10/type", "x86_pkg_temp\n");
        Write("sys/class/thermal/thermal_zone10/temp", "-5000\n");
        Write("sys/class/thermal/thermal_zone_bogus/temp", "1\n");

        var samples = await Fixtures.CollectByFamilyAsync(new ThermalZoneCollector(new HostPaths(_temp, Path.Join(_temp, "sys"), _temp)));

        samples["node_thermal_zone_temp"].Should().BeEquivalentTo(new Dictionary<string, double> { ["acpitz|0"] = 27.8, ["x86_pkg_temp|10"] = -5 });
    }

    [Fact]
    public async Task Hwmon_chips_are_named_by_their_device_then_their_name_file()
    {
        var samples = await Fixtures.CollectByFamilyAsync(new HwmonCollector(Fixtures.Paths));

        samples["node_hwmon_chip_names"].Keys.Should().BeEquivalentTo("platform_coretemp_0|coretemp", "platform_nct6775_656|nct6779", "power_meter|power_meter");
        samples["node_hwmon_sensor_label"].Keys.Should().Contain("platform_coretemp_0|Core 0|temp2");
    }

    [Fact]
    public void Real_path_resolves_relative_links_from_the_physical_directory()
    {
        Directory.CreateDirectory(Path.Join(_temp, "devices", "platform", "coretemp.0", "hwmon", "hwmon0"));
        Directory.CreateDirectory(Path.Join(_temp, "class", "hwmon"));
        File.CreateSymbolicLink(Path.Join(_temp, "class", "hwmon", "hwmon0"), "../../devices/platform/coretemp.0/hwmon/hwmon0");
        File.CreateSymbolicLink(Path.Join(_temp, "devices", "platform", "coretemp.0", "hwmon", "hwmon0", "device"), "../../../coretemp.0");

        SysfsPath.RealPath(Path.Join(_temp, "class", "hwmon", "hwmon0", "device"))
            .Should().Be(Path.Join(new DirectoryInfo(_temp).FullName, "devices", "platform", "coretemp.0"));
        SysfsPath.RealPath(Path.Join(_temp, "class", "hwmon", "missing")).Should().BeNull();
    }

    private void Write(string relative, string text)
    {
        var path = Path.Join(_temp, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
