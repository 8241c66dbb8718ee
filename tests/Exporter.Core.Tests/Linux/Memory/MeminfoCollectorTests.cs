using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class MeminfoCollectorTests
{
    [Fact]
    public async Task Exports_every_field_of_the_fixture()
    {
        var lines = (await File.ReadAllLinesAsync(Path.Join(Fixtures.Paths.Procfs, "meminfo"))).Where(l => l.Length > 0).ToList();

        var samples = await Fixtures.CollectAsync(new MeminfoCollector(Fixtures.Paths));

        samples.Should().HaveCount(lines.Count);
        samples.Keys.Should().Contain(["node_memory_MemTotal_bytes", "node_memory_Active_anon_bytes", "node_memory_HugePages_Total"]);
        samples["node_memory_MemTotal_bytes"].Should().Be(double.Parse(lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024);
    }
}
