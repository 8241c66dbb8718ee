using Exporter.Host;

namespace Exporter.Core.Tests.Host;

public sealed class StartupPagesTests
{
    // Lines as /proc/self/maps shows them for a native host in /opt/exporter (proc(5)).
    private const string Maps = """
        5583a0000000-5583a0400000 r--p 00000000 08:01 1234   /opt/exporter/Exporter.Host
        5583a0400000-5583a1e00000 r-xp 00400000 08:01 1234   /opt/exporter/Exporter.Host
        5583a1e00000-5583a2000000 rw-p 01e00000 08:01 1234   /opt/exporter/Exporter.Host
        5583a2000000-5583a2001000 r--p 00000000 08:01 99     /opt/exporter-other/x.so
        7f0000000000-7f0000200000 rw-p 00000000 00:00 0
        7f0000200000-7f0000300000 r-xp 00000000 08:01 77     /usr/lib/x86_64-linux-gnu/libc.so.6
        7f0000300000-7f0000301000 r--s 00000000 08:01 88     /opt/exporter/data file.bin
        """;

    [Fact]
    public void Only_the_read_only_mappings_of_files_in_the_directory_are_chosen()
    {
        var ranges = StartupPages.ReadOnlyMappings(Maps, "/opt/exporter").ToList();

        ranges.Should().Equal(
            (0x5583a0000000UL, 0x400000UL),
            (0x5583a0400000UL, 0x1a00000UL),
            (0x7f0000300000UL, 0x1000UL));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("zz-yy r--p 0 0 0 /opt/exporter/Exporter.Host")]
    [InlineData("2000-1000 r--p 0 0 0 /opt/exporter/Exporter.Host")]
    public void Malformed_lines_are_skipped(string maps) =>
        StartupPages.ReadOnlyMappings(maps, "/opt/exporter/").Should().BeEmpty();
}
