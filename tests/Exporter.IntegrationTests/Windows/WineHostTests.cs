using Exporter.Core.Linux;
using Exporter.TestSupport.Exposition;
using Xunit.Abstractions;

namespace Exporter.IntegrationTests.Windows;

/// <summary>
/// The Windows build, run under Wine: it serves, its collectors succeed, and what it reports is the
/// Linux host's own figures as Wine passes them through the Windows APIs.
/// </summary>
[Collection(WineHostCollection.Name)]
public sealed class WineHostTests(WineHost wine, ITestOutputHelper output)
{
    /// <summary>
    /// How far a CPU figure may lie outside the /proc/stat readings taken just before and just after
    /// its scrape: none, but for floating-point rounding (Wine converts ticks to 100 ns exactly).
    /// </summary>
    private const double CpuToleranceSeconds = 1e-6;

    [Fact]
    public async Task It_serves_and_every_portable_and_windows_collector_succeeds()
    {
        var metrics = await Scrapes.ParseAsync(new Uri(wine.BaseAddress, "metrics"));

        var success = metrics["node_scrape_collector_success"]!.Samples.ToDictionary(s => s.Labels["collector"], s => s.Value);
        success.Should().Equal(
            new Dictionary<string, double>
            {
                ["cpu"] = 1,
                ["diskstats"] = 1,
                ["exporter"] = 1,
                ["meminfo"] = 1,
                ["portable_filesystem"] = 1,
                ["portable_netdev"] = 1,
                ["portable_processes"] = 1,
                ["portable_system"] = 1,
            },
            "on Windows the Windows collectors take cpu, meminfo and diskstats, the portable ones the rest; output: " + wine.Output);
        metrics["node_filesystem_size_bytes"]!.Samples.Should().NotBeEmpty();
        metrics["node_network_receive_bytes_total"]!.Samples.Should().NotBeEmpty();
        metrics["node_boot_time_seconds"]!.Samples.Should().ContainSingle();
    }

    [Fact]
    public async Task Cpu_seconds_move_with_the_linux_hosts_proc_stat()
    {
        var first = await ScrapeBetweenProcStatReadingsAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var second = await ScrapeBetweenProcStatReadingsAsync();

        foreach (var scrape in new[] { first, second })
        {
            scrape.Cpu.Keys.Select(k => k.Cpu).Distinct().Should().HaveCount(scrape.Before.Count, "one cpu label per CPU in /proc/stat");
            foreach (var ((cpu, mode), seconds) in scrape.Cpu)
            {
                var low = Expected(scrape.Before[cpu], mode);
                var high = Expected(scrape.After[cpu], mode);
                seconds.Should().BeInRange(
                    low - CpuToleranceSeconds, high + CpuToleranceSeconds, $"cpu {cpu} mode {mode} lies between the /proc/stat readings around its scrape");
            }
        }

        var moved = second.Cpu.Sum(s => s.Value) - first.Cpu.Sum(s => s.Value);
        moved.Should().BePositive("the counters move as the host's do");
        output.WriteLine($"two scrapes 2 s apart: the {second.Before.Count} CPUs' modes advanced by {moved:F2} s in all; per CPU and mode:");
        foreach (var ((cpu, mode), seconds) in second.Cpu.OrderBy(s => s.Key))
        {
            output.WriteLine($"  cpu {cpu} {mode}: {seconds:F2} s (/proc/stat around the scrape: {Expected(second.Before[cpu], mode):F2} .. {Expected(second.After[cpu], mode):F2})");
        }
    }

    [Fact]
    public async Task Memory_total_is_the_linux_hosts()
    {
        var metrics = await Scrapes.ParseAsync(new Uri(wine.BaseAddress, "metrics"));
        var linux = MeminfoParser.Parse(await File.ReadAllTextAsync("/proc/meminfo")).ToDictionary(f => f.Name, f => f.Value);

        // Wine counts the physical pages from page 1 (SYSTEM_BASIC_INFORMATION's MmNumberOfPhysicalPages
        // = highest - lowest page, with the highest = the number of pages), so it reports one page less
        // than the kernel's MemTotal, rounded down to whole pages.
        var page = Environment.SystemPageSize;
        var expected = (Math.Floor(linux["MemTotal_bytes"] / page) - 1) * page;
        var total = metrics["node_memory_MemTotal_bytes"]!.Samples.Single().Value;
        output.WriteLine($"MemTotal: Linux {linux["MemTotal_bytes"]} bytes, Windows build under Wine {total} bytes");
        total.Should().Be(expected);

        // The same one figure: the portable collector does not report memory beside the Windows one.
        metrics["node_memory_MemTotal_bytes"]!.Samples.Should().ContainSingle();
        metrics["node_memory_MemAvailable_bytes"]!.Samples.Single().Value.Should().BeInRange(1, total);
    }

    [Theory]
    [InlineData("instance:node_cpu_usage_percent:avg_1m", 0, 100)]
    [InlineData("instance:node_cpu_usage_percent:avg_5m", 0, 100)]
    [InlineData("instance:node_cpu_usage_percent:max_1h", 0, 100)]
    [InlineData("instance_cpu:node_cpu_usage_percent:avg_1m", 0, 100)]
    [InlineData("instance:node_cpu_mode_percent:avg_1m", 0, 100)]
    [InlineData("instance:node_memory_usage_percent:avg_1m", 0, 100)]
    [InlineData("instance:node_memory_usage_percent:max_1h", 0, 100)]
    [InlineData("instance:node_memory_used_bytes:avg_1m", 1, double.MaxValue)]
    [InlineData("instance:node_memory_available_bytes:avg_5m", 1, double.MaxValue)]
    [InlineData("instance:node_num_cpu:sum", 1, 1024)]
    [InlineData("instance:node_cpu_utilisation:rate5m", 0, 1)]
    [InlineData("instance:node_memory_utilisation:ratio", 0, 1)]
    public async Task The_bundled_cpu_and_memory_rules_give_data_for_it(string recorded, double low, double high)
    {
        var series = await wine.Prometheus.QueryAsync($"{recorded}{{instance=\"{wine.Instance}\"}}");

        series.Should().NotBeEmpty($"{recorded} is recorded from the Windows build's metrics");
        series.Select(Stack.PromQl.Value).Should().OnlyContain(v => v >= low && v <= high);
    }

    // What Wine's SystemProcessorPerformanceInformation makes of one /proc/stat line (dlls/ntdll/unix/
    // system.c): user time is user + nice; kernel time is every other field, idle included, so the
    // collector's system time (kernel - idle - interrupt - DPC, the last two 0 under Wine) is
    // system + iowait + irq + softirq + steal + guest + guest_nice.
    private static double Expected(CpuTimes line, string mode) => mode switch
    {
        "user" => line.User + line.Nice,
        "idle" => line.Idle,
        "system" => line.System + line.Iowait + line.Irq + line.SoftIrq + line.Steal + line.Guest + line.GuestNice,
        "irq" or "softirq" => 0,
        _ => throw new InvalidOperationException($"unexpected mode {mode}"),
    };

    private static Dictionary<int, CpuTimes> ReadProcStat() =>
        StatParser.Parse(File.ReadAllText("/proc/stat")).Cpus.ToDictionary(c => c.Cpu, c => c.Times);

    private async Task<(Dictionary<int, CpuTimes> Before, Dictionary<(int Cpu, string Mode), double> Cpu, Dictionary<int, CpuTimes> After)> ScrapeBetweenProcStatReadingsAsync()
    {
        var before = ReadProcStat();
        var metrics = await Scrapes.ParseAsync(new Uri(wine.BaseAddress, "metrics?collect[]=cpu"));
        var after = ReadProcStat();
        var cpu = metrics["node_cpu_seconds_total"]!.Samples.ToDictionary(
            s => (int.Parse(s.Labels["cpu"], System.Globalization.CultureInfo.InvariantCulture), s.Labels["mode"]), s => s.Value);
        return (before, cpu, after);
    }
}
