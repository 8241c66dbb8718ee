namespace Exporter.Core.Processes;

/// <summary>Settings of the procgroups collector (Exporter:procgroups:*, --collector.procgroups.*).</summary>
public sealed class ProcessGroupsOptions
{
    /// <summary>Keep only this many groups (the biggest by <see cref="TopBy"/>); 0 keeps all.</summary>
    public int TopN { get; set; }

    /// <summary>
    /// "cpu" (CPU seconds used) or "memory" (resident memory). A string rather than the enum, so a
    /// wrong value is a validation message at start-up, not a binder exception.
    /// </summary>
    public string TopBy { get; set; } = "cpu";

    internal ProcessGroupRanking Ranking =>
        string.Equals(TopBy, "memory", StringComparison.OrdinalIgnoreCase) ? ProcessGroupRanking.Memory : ProcessGroupRanking.Cpu;

    internal bool IsValid =>
        TopN >= 0 && (string.Equals(TopBy, "cpu", StringComparison.OrdinalIgnoreCase) || string.Equals(TopBy, "memory", StringComparison.OrdinalIgnoreCase));
}
