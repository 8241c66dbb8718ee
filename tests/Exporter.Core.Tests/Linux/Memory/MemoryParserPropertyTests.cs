using CsCheck;
using Exporter.Core.Linux;
using static Exporter.Core.Tests.ParserProperties;

namespace Exporter.Core.Tests.Linux;

/// <summary>Properties of the meminfo and vmstat parsers (see <see cref="ParserProperties"/>).</summary>
public sealed class MemoryParserPropertyTests
{
    // "Active(anon):  1234 kB" or, for counts, "HugePages_Total:  0".
    private static readonly Gen<(string Name, string? Paren, ulong Value, bool Kb)[]> Meminfo =
        Gen.Select(Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"].Array[1, 12].Select(c => new string(c)), Gen.OneOf(Gen.Const((string?)null), Word(3, 5).Select(w => (string?)w)),
            Gen.ULong[0, 1UL << 40], Gen.Bool).Array[0, 12];

    private static string RenderMeminfo((string Name, string? Paren, ulong Value, bool Kb)[] fields) =>
        string.Concat(fields.Select(f => $"{f.Name + (f.Paren is null ? string.Empty : $"({f.Paren})") + ":",-16} {f.Value,8}{(f.Kb ? " kB" : string.Empty)}\n"));

    [Fact]
    public void Meminfo_round_trips() =>
        Meminfo.Sample(fields => MeminfoParser.Parse(RenderMeminfo(fields)).Should().Equal(
            fields.Select(f => (f.Name + (f.Paren is null ? string.Empty : "_" + f.Paren) + (f.Kb ? "_bytes" : string.Empty), f.Kb ? f.Value * 1024.0 : f.Value))));

    [Fact]
    public void Meminfo_only_throws_format_exceptions() => OnlyFormatException(MeminfoParser.Parse, Meminfo.Select(RenderMeminfo));

    private static readonly Gen<(string Name, ulong Value)[]> Vmstat = Gen.Select(Word(3, 20), Counter).Array[0, 20];

    private static string RenderVmstat((string Name, ulong Value)[] fields) => string.Concat(fields.Select(f => $"{f.Name} {f.Value}\n"));

    [Fact]
    public void Vmstat_round_trips() =>
        Vmstat.Sample(fields => VmstatParser.Parse(RenderVmstat(fields)).Should().Equal(fields.Select(f => (f.Name, (double)f.Value))));

    [Fact]
    public void Vmstat_only_throws_format_exceptions() => OnlyFormatException(VmstatParser.Parse, Vmstat.Select(RenderVmstat));
}
