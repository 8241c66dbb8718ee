using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

/// <summary>The one-file parsers: vmstat, file-nr, pressure, softnet_stat, schedstat, udp.</summary>
public sealed class SimpleProcParserTests
{
    [Fact]
    public void Vmstat_gives_every_field_in_order()
    {
        VmstatParser.Parse("nr_free_pages 1001160\npgfault 10568748\noom_kill 0\n")
            .Should().Equal(("nr_free_pages", 1001160d), ("pgfault", 10568748d), ("oom_kill", 0d));
    }

    [Theory]
    [InlineData("pgfault\n")]
    [InlineData("pgfault 12 13\n")]
    [InlineData("pgfault twelve\n")]
    public void Vmstat_rejects_malformed_lines(string text)
    {
        var act = () => VmstatParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("vmstat:*");
    }

    [Fact]
    public void File_nr_gives_allocated_and_maximum()
    {
        FilefdParser.Parse("2268\t0\t2466183\n").Should().Be((2268d, 2466183d));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2268\t0")]
    [InlineData("2268\t0\t-1")]
    [InlineData("x\t0\t1")]
    public void File_nr_rejects_malformed_input(string text)
    {
        var act = () => FilefdParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("filefd:*");
    }

    [Fact]
    public void Pressure_gives_some_and_full_totals_in_microseconds()
    {
        PressureParser.Parse("some avg10=0.01 avg60=0.22 avg300=1.03 total=16398538\nfull avg10=0.00 avg60=0.05 avg300=0.94 total=15877409\n")
            .Should().Be(((double?)16398538, (double?)15877409));
    }

    [Fact]
    public void Pressure_of_an_old_cpu_file_has_no_full_line()
    {
        PressureParser.Parse("some avg10=50.50 avg60=41.01 avg300=14.45 total=54605499\n").Should().Be(((double?)54605499, (double?)null));
    }

    [Theory]
    [InlineData("some avg10=0.00 avg60=0.00 avg300=0.00\n")]
    [InlineData("some avg10=0.00 total=abc\n")]
    [InlineData("partial avg10=0.00 total=1\n")]
    public void Pressure_rejects_malformed_lines(string text)
    {
        var act = () => PressureParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("pressure:*");
    }

    [Fact]
    public void Softnet_reads_the_first_three_hex_columns_per_cpu()
    {
        SoftnetParser.Parse("000000b3 00000000 00000001 00000000\n0000162c 00000002 00000000 00000000\n")
            .Should().Equal((179d, 0d, 1d), (5676d, 2d, 0d));
    }

    [Theory]
    [InlineData("000000b3 00000000\n")]
    [InlineData("000000b3 0000000g 00000000\n")]
    public void Softnet_rejects_malformed_lines(string text)
    {
        var act = () => SoftnetParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("softnet_stat:*");
    }

    [Fact]
    public void Schedstat_reads_cpu_lines_and_skips_the_others()
    {
        var text = "version 15\ntimestamp 4297299139\ncpu0 0 0 0 0 0 0 2045936778163039 343796328169361 4767485306\n"
            + "domain0 00000000,00000003 212499247 210112015\ncpu1 0 0 0 0 0 0 20 30 40\n";
        SchedstatParser.Parse(text).Should().Equal(
            new SchedstatCpu("0", 2045936778163039, 343796328169361, 4767485306),
            new SchedstatCpu("1", 20, 30, 40));
    }

    [Theory]
    [InlineData("cpu0 0 0 0 0 0 0 1 2\n")]
    [InlineData("cpuX 0 0 0 0 0 0 1 2 3\n")]
    [InlineData("cpu0 0 0 0 0 0 0 1 2 -3\n")]
    public void Schedstat_rejects_malformed_cpu_lines(string text)
    {
        var act = () => SchedstatParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("schedstat:*");
    }

    [Fact]
    public void Udp_sums_the_queues_of_all_sockets()
    {
        var text = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
            + "  123: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 12345 2 0000000000000000 0\n"
            + "  456: 0100007F:0035 00000000:0000 07 00000400:00000a00 00:00000000 00000000   101        0 23456 2 0000000000000000 0\n";
        UdpQueuesParser.Parse(text).Should().Be((1024d, 2560d));
    }

    [Fact]
    public void Udp_without_sockets_is_zero()
    {
        UdpQueuesParser.Parse("  sl  local_address remote_address st tx_queue rx_queue\n").Should().Be((0d, 0d));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  0: 00000000:0044 00000000:0000 07 00000000:00000000\n")]
    [InlineData("  sl header\n  0: 00000000:0044 00000000:0000 07 0000000000000000\n")]
    [InlineData("  sl header\n  0: 00000000:0044\n")]
    [InlineData("  sl header\n  0: 00000000:0044 00000000:0000 07 zz:00000000\n")]
    public void Udp_rejects_malformed_input(string text)
    {
        var act = () => UdpQueuesParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("udp:*");
    }
}
