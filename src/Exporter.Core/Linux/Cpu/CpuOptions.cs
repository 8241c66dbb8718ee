namespace Exporter.Core.Linux;

/// <summary>Settings of the cpu collector (node_exporter's --collector.cpu.* flags).</summary>
public sealed class CpuOptions
{
    /// <summary>Export node_cpu_guest_seconds_total (--collector.cpu.guest; on by default).</summary>
    public bool Guest { get; set; } = true;

    /// <summary>Export node_cpu_info from /proc/cpuinfo (--collector.cpu.info; off by default).</summary>
    public bool Info { get; set; }

    /// <summary>
    /// Regular expression choosing the first CPU's flags to export as node_cpu_flag_info
    /// (--collector.cpu.info.flags-include); setting it turns <see cref="Info"/> on.
    /// </summary>
    public string? InfoFlagsInclude { get; set; }

    /// <summary>The same for bugs, as node_cpu_bug_info (--collector.cpu.info.bugs-include).</summary>
    public string? InfoBugsInclude { get; set; }

    internal IEnumerable<string> Errors() =>
        new[]
        {
            FlagRegex.Check(InfoFlagsInclude, "collector.cpu.info.flags-include"),
            FlagRegex.Check(InfoBugsInclude, "collector.cpu.info.bugs-include"),
        }.OfType<string>();
}
