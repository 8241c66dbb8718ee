using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class DiskstatsParserTests
{
    [Fact]
    public void Parses_all_seventeen_counters_of_a_5_5_kernel()
    {
        var disks = DiskstatsParser.Parse(" 254       0 vda 37862 6601 3122114 32509 9751 9464 3145720 2618 0 19476 36297 4183 33 356600 1156 1304 13\n");

        disks.Should().ContainSingle();
        disks[0].Major.Should().Be(254);
        disks[0].Minor.Should().Be(0);
        disks[0].Device.Should().Be("vda");
        disks[0].Values.Should().Equal(37862UL, 6601UL, 3122114UL, 32509UL, 9751UL, 9464UL, 3145720UL, 2618UL, 0UL, 19476UL, 36297UL, 4183UL, 33UL, 356600UL, 1156UL, 1304UL, 13UL);
    }

    [Theory]
    [InlineData("8 0 sda 1 2 3 4 5 6 7 8 9 10 11", 11)]
    [InlineData("8 0 sda 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15", 15)]
    [InlineData("8 0 sda 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19", 17)]
    public void Keeps_as_many_counters_as_the_kernel_gives_up_to_seventeen(string line, int count)
    {
        DiskstatsParser.Parse(line)[0].Values.Should().HaveCount(count);
    }

    [Fact]
    public void Skips_old_short_partition_lines()
    {
        var disks = DiskstatsParser.Parse("8 1 sda1 250 2000 0 0\n8 0 sda 1 2 3 4 5 6 7 8 9 10 11\n");
        disks.Select(d => d.Device).Should().Equal("sda");
    }

    [Fact]
    public void Handles_large_counters_and_blank_lines()
    {
        var disks = DiskstatsParser.Parse("\n8 0 sda 18446744073709551615 2 3 4 5 6 7 8 9 10 11\n\n");
        disks[0].Values[0].Should().Be(ulong.MaxValue);
    }

    [Theory]
    [InlineData("8 0 sda 1 2 3 x 5 6 7 8 9 10 11")]
    [InlineData("8 0 sda 1 2 3 -4 5 6 7 8 9 10 11")]
    [InlineData("a 0 sda 1 2 3 4 5 6 7 8 9 10 11")]
    [InlineData("8 0 sda 1 2 3 4 5 6 7 8 9 10 18446744073709551616")]
    [InlineData("8 0")]
    public void Rejects_malformed_lines(string text)
    {
        var act = () => DiskstatsParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("diskstats:*");
    }
}
