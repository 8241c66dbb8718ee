using System.Globalization;
using System.Text.RegularExpressions;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// node_cpu_seconds_total and node_cpu_guest_seconds_total from /proc/stat, plus the thermal
/// throttle counters and isolated CPUs from sysfs (node_exporter's "cpu" collector).
/// </summary>
internal sealed class CpuCollector(HostPaths paths, CpuOptions options) : IInlineCollector
{
    /// <summary>
    /// An idle counter that falls back further than this is a CPU that went offline and came back
    /// (hotplug): its counters restart from the kernel's values. Smaller dips are kernel jitter
    /// (seen on some hypervisors) and are held at the previous value so counters never decrease.
    /// </summary>
    internal const double JumpBackSeconds = 3.0;

    /// <summary>node_cpu_seconds_total{cpu,mode}; the Windows and macOS collectors report into it too.</summary>
    internal static readonly MetricDescriptor Seconds = new(
        "node_cpu_seconds_total", "Seconds the CPUs spent in each mode.", MetricType.Counter, "cpu", "mode");

    private static readonly MetricDescriptor GuestSeconds = new(
        "node_cpu_guest_seconds_total", "Seconds the CPUs spent in guests (VMs) for each mode.", MetricType.Counter, "cpu", "mode");

    private static readonly MetricDescriptor CoreThrottles = new(
        "node_cpu_core_throttles_total", "Number of times this CPU core has been throttled.", MetricType.Counter, "core", "package");

    private static readonly MetricDescriptor PackageThrottles = new(
        "node_cpu_package_throttles_total", "Number of times this CPU package has been throttled.", MetricType.Counter, "package");

    private static readonly MetricDescriptor Isolated = new(
        "node_cpu_isolated", "Whether each core is isolated, information from /sys/devices/system/cpu/isolated.", MetricType.Gauge, "cpu");

    private static readonly MetricDescriptor Info = new(
        "node_cpu_info",
        "CPU information from /proc/cpuinfo.",
        MetricType.Gauge,
        "cachesize",
        "core",
        "cpu",
        "family",
        "microcode",
        "model",
        "model_name",
        "package",
        "stepping",
        "vendor");

    private static readonly MetricDescriptor FlagInfo = new(
        "node_cpu_flag_info", "The `flags` field of CPU information from /proc/cpuinfo taken from the first core.", MetricType.Gauge, "flag");

    private static readonly MetricDescriptor BugInfo = new(
        "node_cpu_bug_info", "The `bugs` field of CPU information from /proc/cpuinfo taken from the first core.", MetricType.Gauge, "bug");

    private readonly Regex? _flagsInclude = FlagRegex.CreateOptional(options.InfoFlagsInclude);
    private readonly Regex? _bugsInclude = FlagRegex.CreateOptional(options.InfoBugsInclude);

    // As node_exporter: asking for flags or bugs implies --collector.cpu.info.
    private readonly bool _info = options.Info || !string.IsNullOrEmpty(options.InfoFlagsInclude) || !string.IsNullOrEmpty(options.InfoBugsInclude);

    private readonly Lock _lock = new();
    private readonly Dictionary<int, CpuTimes> _last = [];

    public string Name => "cpu";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        if (_info)
        {
            AddInfo(sink, CpuInfoParser.Parse(ProcFile.Read(paths.Proc("cpuinfo"))));
        }

        var stat = StatParser.Parse(ProcFile.Read(paths.Proc("stat")));
        foreach (var (cpu, times) in Update(stat.Cpus))
        {
            var label = cpu.ToString(CultureInfo.InvariantCulture);
            sink.Add(Seconds, times.User, label, "user");
            sink.Add(Seconds, times.Nice, label, "nice");
            sink.Add(Seconds, times.System, label, "system");
            sink.Add(Seconds, times.Idle, label, "idle");
            sink.Add(Seconds, times.Iowait, label, "iowait");
            sink.Add(Seconds, times.Irq, label, "irq");
            sink.Add(Seconds, times.SoftIrq, label, "softirq");
            sink.Add(Seconds, times.Steal, label, "steal");
            if (options.Guest)
            {
                // Guest time is also counted in user and nice; exported separately, not subtracted.
                sink.Add(GuestSeconds, times.Guest, label, "user");
                sink.Add(GuestSeconds, times.GuestNice, label, "nice");
            }
        }

        if (ProcFile.TryRead(paths.Sys("devices", "system", "cpu", "isolated")) is { } isolated)
        {
            foreach (var cpu in CpuListParser.Parse(isolated))
            {
                sink.Add(Isolated, 1, cpu.ToString(CultureInfo.InvariantCulture));
            }
        }

        AddThrottles(sink);

        return Task.CompletedTask;
    }

    private void AddInfo(MetricSink sink, IReadOnlyList<CpuInfo> cpus)
    {
        foreach (var cpu in cpus)
        {
            sink.Add(
                Info,
                1,
                cpu.CacheSize,
                cpu.CoreId,
                cpu.Processor.ToString(CultureInfo.InvariantCulture),
                cpu.Family,
                cpu.Microcode,
                cpu.Model,
                cpu.ModelName,
                cpu.PhysicalId,
                cpu.Stepping,
                cpu.VendorId);
        }

        // Flags and bugs are the same on every core in practice; the first core's stand for all.
        if (cpus.Count > 0)
        {
            AddMatching(sink, FlagInfo, cpus[0].Flags, _flagsInclude);
            AddMatching(sink, BugInfo, cpus[0].Bugs, _bugsInclude);
        }
    }

    private static void AddMatching(MetricSink sink, MetricDescriptor descriptor, IReadOnlyList<string> values, Regex? include)
    {
        if (include is null)
        {
            return;
        }

        foreach (var value in values.Distinct(StringComparer.Ordinal).Where(v => include.IsMatch(v)))
        {
            sink.Add(descriptor, 1, value);
        }
    }

    /// <summary>
    /// Keeps every counter from going backwards, as node_exporter 1.5 does, so rate() never sees a
    /// false reset; a large idle jump back (hotplug) starts that CPU afresh.
    /// </summary>
    internal static CpuTimes Monotonic(CpuTimes previous, CpuTimes current)
    {
        if (previous.Idle - current.Idle >= JumpBackSeconds)
        {
            return current;
        }

        return new CpuTimes(
            Math.Max(previous.User, current.User),
            Math.Max(previous.Nice, current.Nice),
            Math.Max(previous.System, current.System),
            Math.Max(previous.Idle, current.Idle),
            Math.Max(previous.Iowait, current.Iowait),
            Math.Max(previous.Irq, current.Irq),
            Math.Max(previous.SoftIrq, current.SoftIrq),
            Math.Max(previous.Steal, current.Steal),
            Math.Max(previous.Guest, current.Guest),
            Math.Max(previous.GuestNice, current.GuestNice));
    }

    private List<(int Cpu, CpuTimes Times)> Update(IReadOnlyList<(int Cpu, CpuTimes Times)> cpus)
    {
        var result = new List<(int, CpuTimes)>(cpus.Count);
        lock (_lock)
        {
            foreach (var (cpu, times) in cpus)
            {
                var kept = _last.TryGetValue(cpu, out var previous) ? Monotonic(previous, times) : times;
                _last[cpu] = kept;
                result.Add((cpu, kept));
            }
        }

        return result;
    }

    // Documentation/ABI/testing/sysfs-devices-system-cpu: thermal_throttle/{core,package}_throttle_count
    // (x86 only). Cores and packages are shared by several logical CPUs; each is counted once.
    private void AddThrottles(MetricSink sink)
    {
        var cpuRoot = paths.Sys("devices", "system", "cpu");
        if (!Directory.Exists(cpuRoot))
        {
            return;
        }

        // As node_exporter: a count that cannot be read is retried from the next CPU of that core or package.
        var packages = new SortedDictionary<ulong, double>();
        var cores = new SortedDictionary<(ulong Package, ulong Core), double>();
        foreach (var dir in Directory.EnumerateDirectories(cpuRoot, "cpu*").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            if (name.Length == 3 || !char.IsAsciiDigit(name[3]))
            {
                continue;
            }

            if (ReadId(Path.Join(dir, "topology", "physical_package_id")) is not { } package
                || ReadId(Path.Join(dir, "topology", "core_id")) is not { } core)
            {
                continue;
            }

            if (!cores.ContainsKey((package, core))
                && ProcFile.TryReadNumber(Path.Join(dir, "thermal_throttle", "core_throttle_count")) is { } coreCount)
            {
                cores[(package, core)] = coreCount;
            }

            if (!packages.ContainsKey(package)
                && ProcFile.TryReadNumber(Path.Join(dir, "thermal_throttle", "package_throttle_count")) is { } packageCount)
            {
                packages[package] = packageCount;
            }
        }

        foreach (var ((package, core), count) in cores)
        {
            sink.Add(CoreThrottles, count, core.ToString(CultureInfo.InvariantCulture), package.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (package, count) in packages)
        {
            sink.Add(PackageThrottles, count, package.ToString(CultureInfo.InvariantCulture));
        }
    }

    // Some architectures report -1 for an unknown package; like node_exporter, such a CPU is skipped.
    private static ulong? ReadId(string path) =>
        ProcFile.TryReadNumber(path) is { } id && id >= 0 ? (ulong)id : null;
}
