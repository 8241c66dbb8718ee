namespace Exporter.IntegrationTests;

/// <summary>
/// Tests that compare machine-wide figures (process and thread counts, sockets, CPU seconds) between
/// node_exporter and our host. They run alone, after the parallel tests, because other tests start
/// and stop servers, processes and sockets that would move those figures between the two scrapes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MachineWideCollection
{
    public const string Name = "Machine-wide comparisons";
}
