namespace Exporter.Core.Linux;

/// <summary>Settings of the stat collector (node_exporter's --collector.stat.* flags).</summary>
public sealed class StatOptions
{
    /// <summary>Also export node_softirqs_total{vector} (--collector.stat.softirq; off by default).</summary>
    public bool Softirq { get; set; }
}
