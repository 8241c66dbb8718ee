using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class ConntrackParserTests
{
    [Fact]
    public void Sums_the_named_columns_over_cpus_on_a_5x_kernel()
    {
        var text = "entries  clashres found new invalid ignore delete chainlength insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart\n"
            + "0000007b  00000000 00000010 00000000 00000003 00000021 00000000 00000000 00000005 00000001 00000002 00000000 00000000  00000000 00000000 00000000 0000000a\n"
            + "0000007b  00000001 00000020 00000000 00000004 00000100 00000000 00000000 00000006 00000000 00000000 00000001 00000000  00000000 00000000 00000000 00000001\n";

        ConntrackParser.ParseStat(text).Should().Be(new ConntrackStats(Found: 48, Invalid: 7, Ignore: 289, Insert: 11, InsertFailed: 1, Drop: 2, EarlyDrop: 1, SearchRestart: 11));
    }

    [Fact]
    public void Reads_the_older_column_layout_by_name()
    {
        var text = "entries  searched found new invalid ignore delete delete_list insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart\n"
            + "00000021  00000000 0000000f 00000000 00000002 00000003 00000000 00000000 00000004 00000000 00000000 00000000 00000000  00000000 00000000 00000000 00000005\n";

        var stats = ConntrackParser.ParseStat(text);
        stats.Found.Should().Be(15);
        stats.Ignore.Should().Be(3);
        stats.SearchRestart.Should().Be(5);
    }

    [Theory]
    [InlineData("")]
    [InlineData("entries found\n00000001\n")]
    [InlineData("entries found\n00000001 0000000x\n")]
    [InlineData("entries found invalid ignore insert insert_failed drop early_drop\n0 0 0 0 0 0 0 0\n")]
    public void Rejects_malformed_input(string text)
    {
        var act = () => ConntrackParser.ParseStat(text);
        act.Should().Throw<FormatException>().WithMessage("nf_conntrack:*");
    }
}
