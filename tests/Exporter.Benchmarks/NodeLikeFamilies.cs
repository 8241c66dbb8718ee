using System.Globalization;
using Exporter.Core.Exposition;

namespace Exporter.Benchmarks;

/// <summary>
/// About 500 samples shaped like one node_exporter scrape of a small server: per-CPU counters,
/// memory gauges, disks, file systems, network devices, netstat and uname, sorted by name as the
/// scraper sorts them.
/// </summary>
internal static class NodeLikeFamilies
{
    public static List<MetricFamily> Create()
    {
        var families = new List<MetricFamily>();
        var random = new Random(42);
        string[] modes = ["idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"];
        string[] disks = ["nvme0n1", "sda", "sdb", "dm-0"];
        string[] devices = ["lo", "eth0", "eth1", "docker0", "veth1a2b3c4"];
        (string Device, string Mount, string Type)[] mounts =
            [("/dev/nvme0n1p2", "/", "ext4"), ("/dev/nvme0n1p1", "/boot/efi", "vfat"), ("tmpfs", "/run", "tmpfs"), ("/dev/sda1", "/data", "xfs"), ("/dev/mapper/vg-home", "/home", "ext4")];

        Add("node_cpu_seconds_total", "Seconds the CPUs spent in each mode.", MetricType.Counter, ["cpu", "mode"],
            from cpu in Enumerable.Range(0, 8) from mode in modes select new[] { cpu.ToString(CultureInfo.InvariantCulture), mode });
        Add("node_cpu_guest_seconds_total", "Seconds the CPUs spent in guests (VMs) for each mode.", MetricType.Counter, ["cpu", "mode"],
            from cpu in Enumerable.Range(0, 8) from mode in new[] { "nice", "user" } select new[] { cpu.ToString(CultureInfo.InvariantCulture), mode });
        foreach (var name in new[] { "running_seconds_total", "timeslices_total", "waiting_seconds_total" })
        {
            Add($"node_schedstat_{name}", $"Scheduler statistic {name}.", MetricType.Counter, ["cpu"],
                Enumerable.Range(0, 8).Select(cpu => new[] { cpu.ToString(CultureInfo.InvariantCulture) }));
        }

        for (var i = 0; i < 40; i++)
        {
            Add($"node_vmstat_field_{i:D2}", $"/proc/vmstat information field field_{i:D2}.", MetricType.Untyped, [], [[]]);
        }

        foreach (var name in new[] { "reads_completed", "reads_merged", "read_bytes", "read_time_seconds", "writes_completed", "writes_merged", "written_bytes", "write_time_seconds", "io_time_seconds", "io_time_weighted_seconds", "discards_completed", "discards_merged", "discarded_sectors", "discard_time_seconds", "flush_requests", "flush_requests_time_seconds" })
        {
            Add($"node_disk_{name}_total", $"The total number of {name}.", MetricType.Counter, ["device"], disks.Select(d => new[] { d }));
        }

        foreach (var name in new[] { "avail_bytes", "files", "files_free", "free_bytes", "readonly", "size_bytes", "device_error" })
        {
            Add($"node_filesystem_{name}", $"Filesystem {name}.", MetricType.Gauge, ["device", "fstype", "mountpoint"], mounts.Select(m => new[] { m.Device, m.Type, m.Mount }));
        }

        for (var i = 0; i < 50; i++)
        {
            Add($"node_memory_Field{i:D2}_bytes", $"Memory information field Field{i:D2}_bytes.", MetricType.Gauge, [], [[]]);
        }

        foreach (var name in new[] { "receive_bytes", "receive_packets", "receive_errs", "receive_drop", "receive_fifo", "receive_frame", "receive_compressed", "receive_multicast", "transmit_bytes", "transmit_packets", "transmit_errs", "transmit_drop", "transmit_fifo", "transmit_colls", "transmit_carrier", "transmit_compressed" })
        {
            Add($"node_network_{name}_total", $"Network device statistic {name}.", MetricType.Counter, ["device"], devices.Select(d => new[] { d }));
        }

        for (var i = 0; i < 80; i++)
        {
            Add($"node_netstat_Field_{i:D2}", $"Statistic Field{i:D2}.", MetricType.Untyped, [], [[]]);
        }

        Add("node_uname_info", "Labeled system information as provided by the uname system call.", MetricType.Info,
            ["domainname", "machine", "nodename", "release", "sysname", "version"],
            [["(none)", "x86_64", "server-01", "6.1.0-13-amd64", "Linux", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 (2023-09-29)"]]);
        Add("node_scrape_collector_success", "node_exporter: Whether a collector succeeded.", MetricType.Gauge, ["collector"],
            new[] { "cpu", "diskstats", "filesystem", "loadavg", "meminfo", "netdev", "netstat", "stat", "time", "uname" }.Select(c => new[] { c }));

        families.Sort((a, b) => string.CompareOrdinal(a.Descriptor.Name, b.Descriptor.Name));
        return families;

        void Add(string name, string help, MetricType type, string[] labels, IEnumerable<string[]> series)
        {
            var family = new MetricFamily(new MetricDescriptor(name, help, type, labels));
            foreach (var values in series)
            {
                // Large counters and fractional gauges, as a real host has.
                family.Samples.Add(new Sample(values, type == MetricType.Counter ? Math.Round(random.NextDouble() * 1e9, 2) : random.Next(0, 1 << 30)));
            }

            families.Add(family);
        }
    }
}
