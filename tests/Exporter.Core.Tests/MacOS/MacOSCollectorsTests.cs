using Exporter.Core.Linux;
using Exporter.Core.MacOS;

namespace Exporter.Core.Tests.MacOS;

// The registrations are only built here, never run: their collectors call macOS.
#pragma warning disable CA1416
public sealed class MacOSCollectorsTests
{
    [Fact]
    public void Each_macos_collector_takes_the_place_of_the_linux_collector_of_its_name()
    {
        var linux = LinuxCollectors.Registrations.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

        MacOSCollectors.Registrations.Select(r => r.Name).Should().BeEquivalentTo(["cpu", "meminfo"]);
        MacOSCollectors.Registrations.Should().OnlyContain(r => linux.Contains(r.Name) && r.EnabledByDefault);
    }
}
