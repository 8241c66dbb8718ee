using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Exporter.Core.Linux;

namespace Exporter.Core.Self;

/// <summary>
/// The exporter's own process_* metrics, named as every Prometheus client library names them, and
/// exporter_build_info. Always this process: on Linux from the real /proc/self (never the host
/// procfs the collectors read, which may be another machine's), elsewhere from
/// System.Diagnostics.Process.
/// </summary>
internal sealed class SelfMetricsCollector : IInlineCollector
{
    private static readonly MetricDescriptor Cpu = new(
        "process_cpu_seconds_total", "Total user and system CPU time spent in seconds.", MetricType.Counter);

    private static readonly MetricDescriptor Resident = new(
        "process_resident_memory_bytes", "Resident memory size in bytes.", MetricType.Gauge);

    private static readonly MetricDescriptor Virtual = new(
        "process_virtual_memory_bytes", "Virtual memory size in bytes.", MetricType.Gauge);

    private static readonly MetricDescriptor VirtualMax = new(
        "process_virtual_memory_max_bytes", "Maximum amount of virtual memory available in bytes.", MetricType.Gauge);

    private static readonly MetricDescriptor OpenFds = new(
        "process_open_fds", "Number of open file descriptors.", MetricType.Gauge);

    private static readonly MetricDescriptor MaxFds = new(
        "process_max_fds", "Maximum number of open file descriptors.", MetricType.Gauge);

    private static readonly MetricDescriptor StartTime = new(
        "process_start_time_seconds", "Start time of the process since unix epoch in seconds.", MetricType.Gauge);

    private static readonly MetricDescriptor BuildInfo = new(
        "exporter_build_info", "A metric with a constant '1' value labeled by version, revision and dotnetversion from which the exporter was built.",
        MetricType.Gauge, "version", "revision", "dotnetversion");

    private static readonly (string Version, string Revision) Build = ReadBuild();

    private static readonly double StartSeconds = ReadStartSeconds();

    private static readonly string DotnetVersion = RuntimeInformation.FrameworkDescription.Replace(".NET ", string.Empty, StringComparison.Ordinal);

    public string Name => "exporter";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsLinux())
        {
            CollectLinux(sink);
        }
        else
        {
            CollectPortable(sink);
        }

        sink.Add(StartTime, StartSeconds);
        sink.Add(BuildInfo, 1, Build.Version, Build.Revision, DotnetVersion);
        return Task.CompletedTask;
    }

    private static void CollectLinux(MetricSink sink)
    {
        var stat = ProcStatParser.Parse(ProcFile.Read("/proc/self/stat"));
        sink.Add(Cpu, (stat.UserTicks + stat.SystemTicks) / ProcStatParser.TicksPerSecond);
        sink.Add(Resident, stat.ResidentPages * (double)Environment.SystemPageSize);
        sink.Add(Virtual, stat.VirtualBytes);
        if (ProcPidReader.CountEntries("/proc/self/fd") is { } fds)
        {
            sink.Add(OpenFds, fds);
        }

        var (maxFds, maxVirtual) = ProcLimitsParser.Parse(ProcFile.Read("/proc/self/limits"));
        sink.Add(MaxFds, maxFds);
        sink.Add(VirtualMax, maxVirtual);
    }

    private static void CollectPortable(MetricSink sink)
    {
        using var self = Process.GetCurrentProcess();
        sink.Add(Cpu, self.TotalProcessorTime.TotalSeconds);
        sink.Add(Resident, self.WorkingSet64);
        sink.Add(Virtual, self.VirtualMemorySize64);
        sink.Add(OpenFds, self.HandleCount);
    }

    private static double ReadStartSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return new DateTimeOffset(self.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0;
    }

    // InformationalVersion is "0.1.0+<git commit>" when the SDK knows the commit (Source Link).
    private static (string, string) ReadBuild()
    {
        var informational = typeof(SelfMetricsCollector).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? (informational, "unknown") : (informational[..plus], informational[(plus + 1)..]);
    }
}
