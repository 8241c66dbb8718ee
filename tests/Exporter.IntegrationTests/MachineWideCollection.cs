namespace Exporter.IntegrationTests;

/// <summary>
/// Tests that compare machine-wide figures (process and thread counts, sockets, CPU seconds) between
/// node_exporter and our host. Other tests start and stop servers, processes and sockets that would
/// move those figures between the two scrapes, so these run alone: inside this assembly after the
/// parallel tests (DisableParallelization), and, since `dotnet test Exporter.sln` runs test
/// assemblies at the same time, in an invocation of their own: scripts/test.sh runs
/// <c>--filter "Category!=MachineWide"</c> for the whole solution first, then
/// <c>--filter "Category=MachineWide"</c> for this project. Every class in the collection carries
/// the trait (<see cref="Category"/>); a test checks that.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MachineWideCollection
{
    public const string Name = "Machine-wide comparisons";

    /// <summary>The value of the "Category" trait that selects these tests.</summary>
    public const string Category = "MachineWide";
}
