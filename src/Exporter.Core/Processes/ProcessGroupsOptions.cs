namespace Exporter.Core.Processes;

/// <summary>Settings of the procgroups collector (Exporter:procgroups:*, --collector.procgroups.*).</summary>
public sealed class ProcessGroupsOptions
{
    /// <summary>Keep only this many groups (the biggest by <see cref="TopBy"/>); 0 keeps all.</summary>
    public int TopN { get; set; }

    /// <summary>cpu or memory.</summary>
    public ProcessGroupRanking TopBy { get; set; } = ProcessGroupRanking.Cpu;
}
