namespace Exporter.Core.Processes;

/// <summary>One group's figures at one collection; the counters never go down while the group lives.</summary>
internal sealed class ProcessGroup(string name)
{
    public string Name { get; } = name;

    public int Processes { get; set; }

    public double UserSeconds { get; set; }

    public double SystemSeconds { get; set; }

    public double ResidentBytes { get; set; }

    public double VirtualBytes { get; set; }

    public double SwappedBytes { get; set; }

    public double Threads { get; set; }

    public double OpenFds { get; set; }

    public double ReadBytes { get; set; }

    public double WriteBytes { get; set; }

    /// <summary>Processes per process-exporter state: Running, Sleeping, Waiting, Zombie, Other.</summary>
    public SortedDictionary<string, int> States { get; } = new(StringComparer.Ordinal);

    internal void AddCounters(ProcessSample p) => AddCounters(p.UserSeconds, p.SystemSeconds, p.ReadBytes, p.WriteBytes);

    internal void AddCounters(ProcessGroup g) => AddCounters(g.UserSeconds, g.SystemSeconds, g.ReadBytes, g.WriteBytes);

    private void AddCounters(double user, double system, double read, double write)
    {
        UserSeconds += user;
        SystemSeconds += system;
        ReadBytes += read;
        WriteBytes += write;
    }
}
