namespace Exporter.Core.Processes;

/// <summary>What groups are ranked by for --collector.procgroups.top-n.</summary>
public enum ProcessGroupRanking
{
    /// <summary>CPU seconds used (user + system), including by exited processes of the group.</summary>
    Cpu,

    /// <summary>Resident memory now.</summary>
    Memory,
}
