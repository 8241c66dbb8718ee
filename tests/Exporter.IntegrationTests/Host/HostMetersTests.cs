using Exporter.TestSupport;
using Exporter.TestSupport.Exposition;

namespace Exporter.IntegrationTests.Host;

/// <summary>
/// The host exports the machine: its own .NET and Kestrel meters stay off unless asked for, so its
/// output matches node_exporter's; --collector.meters turns them on.
/// </summary>
public sealed class HostMetersTests
{
    [Fact]
    public async Task The_hosts_own_meters_are_off_by_default_and_on_with_the_flag()
    {
        using var plain = await HostProcess.StartAsync("--collector.disable-defaults", "--collector.loadavg");
        using var withMeters = await HostProcess.StartAsync("--collector.disable-defaults", "--collector.loadavg", "--collector.meters");

        var without = (await Scrapes.GetAsync(new Uri(plain.BaseAddress, "/metrics"))).Parse();
        var with = (await Scrapes.GetAsync(new Uri(withMeters.BaseAddress, "/metrics"))).Parse();

        without.Families.Should().NotContain(f => f.Name.StartsWith("dotnet_", StringComparison.Ordinal) || f.Name.StartsWith("kestrel_", StringComparison.Ordinal));
        without["node_scrape_collector_success"]!.Samples.Should().NotContain(s => s.Labels["collector"] == "meters");
        with["dotnet_gc_collections_total"]!.Type.Should().Be("counter");
        with["node_scrape_collector_success"]!.Samples.Should().Contain(s => s.Labels["collector"] == "meters" && s.Value == 1);
    }
}
