using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class MeminfoParserTests
{
    [Fact]
    public void Converts_kB_to_bytes_and_names_fields_as_node_exporter()
    {
        var fields = MeminfoParser.Parse("""
            MemTotal:       24634404 kB
            Active(anon):     572968 kB
            Inactive(file):   621884 kB
            HugePages_Total:       3
            Hugepagesize:       2048 kB

            """);

        fields.Should().Equal(
            ("MemTotal_bytes", 24634404.0 * 1024),
            ("Active_anon_bytes", 572968.0 * 1024),
            ("Inactive_file_bytes", 621884.0 * 1024),
            ("HugePages_Total", 3.0),
            ("Hugepagesize_bytes", 2048.0 * 1024));
    }

    [Fact]
    public void Skips_empty_lines()
    {
        MeminfoParser.Parse("\nMemFree: 1 kB\n\n").Should().Equal(("MemFree_bytes", 1024.0));
    }

    [Theory]
    [InlineData("MemTotal:\n")]
    [InlineData("MemTotal: abc kB\n")]
    [InlineData("MemTotal: 12 MB\n")]
    [InlineData("MemTotal 12 kB\n")]
    [InlineData("MemTotal: 12 kB extra\n")]
    [InlineData("MemTotal: 1,5 kB\n")]
    public void Rejects_malformed_input(string text)
    {
        var act = () => MeminfoParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("meminfo:*");
    }
}
