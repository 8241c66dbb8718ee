namespace Exporter.Core.Linux;

/// <summary>Settings of the cpu collector (node_exporter's --collector.cpu.* flags).</summary>
public sealed class CpuOptions
{
    /// <summary>Export node_cpu_guest_seconds_total (--collector.cpu.guest; on by default).</summary>
    public bool Guest { get; set; } = true;
}
