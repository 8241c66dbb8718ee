namespace Exporter.Core.Processes;

/// <summary>What --collector.procgroups.top-by ranks groups by.</summary>
public enum ProcessGroupRanking
{
    /// <summary>CPU seconds used (user + system), including by exited processes of the group.</summary>
    Cpu,

    /// <summary>Resident memory now.</summary>
    Memory,
}
