using Exporter.Core.Linux;
using Exporter.Core.Windows;

namespace Exporter.Core.Tests.Windows;

// The registrations are only built here, never run: their collectors call Windows.
#pragma warning disable CA1416
public sealed class WindowsCollectorsTests
{
    [Fact]
    public void Each_windows_collector_takes_the_place_of_the_linux_collector_of_its_name()
    {
        var linux = LinuxCollectors.Registrations.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

        WindowsCollectors.Registrations.Select(r => r.Name).Should().BeEquivalentTo(["cpu", "meminfo", "diskstats"]);
        WindowsCollectors.Registrations.Should().OnlyContain(r => linux.Contains(r.Name) && r.EnabledByDefault);
    }
}
