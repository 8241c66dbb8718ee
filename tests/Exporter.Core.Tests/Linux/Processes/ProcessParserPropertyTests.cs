using CsCheck;
using Exporter.Core.Linux;
using static Exporter.Core.Tests.ParserProperties;

namespace Exporter.Core.Tests.Linux;

/// <summary>Properties of the /proc/[pid] parsers (see <see cref="ParserProperties"/>).</summary>
public sealed class ProcessParserPropertyTests
{
    // comm may hold spaces and parentheses ("my (odd) app"); at most 15 bytes in the kernel.
    private static readonly Gen<ProcStat> Stats =
        Gen.Select(Gen.Char["ab (x)) :-"].Array[0, 15].Select(c => new string(c)), Gen.OneOf("R", "S", "D", "Z", "T", "I"), Counter, Counter, Gen.Long[1, 10_000],
                Counter, Counter, Gen.Long[0, long.MaxValue])
            .Select((comm, state, user, system, threads, start, vsize, rss) => new ProcStat(comm, state, user, system, threads, start, vsize, rss));

    // Fields 1 and 3 to 52 of proc(5), those not read filled in.
    private static string RenderStat(ProcStat s) =>
        $"4242 ({s.Comm}) {s.State} 1 4242 4242 0 -1 4194560 100 0 0 0 {s.UserTicks} {s.SystemTicks} 0 0 20 0 {s.NumThreads} 0 {s.StartTicks} {s.VirtualBytes} {s.ResidentPages} "
        + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n";

    [Fact]
    public void Stat_round_trips() => Stats.Sample(s => ProcStatParser.Parse(RenderStat(s)).Should().Be(s));

    [Fact]
    public void Stat_only_throws_format_exceptions() => OnlyFormatException(ProcStatParser.Parse, Stats.Select(RenderStat));

    private static readonly Gen<(ulong Read, ulong Write, string[] Others)> Io = Gen.Select(Counter, Counter, Word(3, 10).Array[0, 5]);

    private static string RenderIo((ulong Read, ulong Write, string[] Others) io) =>
        $"rchar: 123\n{string.Concat(io.Others.Select(o => $"{o}: 7\n"))}read_bytes: {io.Read}\nwrite_bytes: {io.Write}\ncancelled_write_bytes: 0\n";

    [Fact]
    public void Io_round_trips() => Io.Sample(io => ProcIoParser.Parse(RenderIo(io)).Should().Be(((double)io.Read, (double)io.Write)));

    [Fact]
    public void Io_only_throws_format_exceptions() => OnlyFormatException(ProcIoParser.Parse, Io.Select(RenderIo));

    private static readonly Gen<(ulong? Files, ulong? Space)> Limits =
        Gen.Select(Gen.OneOf(Gen.Const((ulong?)null), Counter.Select(v => (ulong?)v)), Gen.OneOf(Gen.Const((ulong?)null), Counter.Select(v => (ulong?)v)));

    private static string Limit(ulong? value) => value is { } v ? Invariant(v) : "unlimited";

    private static string RenderLimits((ulong? Files, ulong? Space) l) =>
        "Limit                     Soft Limit           Hard Limit           Units     \n"
        + "Max cpu time              unlimited            unlimited            seconds   \n"
        + $"Max open files            {Limit(l.Files),-20} 4096                 files     \n"
        + $"Max address space         {Limit(l.Space),-20} unlimited            bytes     \n";

    [Fact]
    public void Limits_round_trip() =>
        Limits.Sample(l => ProcLimitsParser.Parse(RenderLimits(l)).Should().Be(((double)(l.Files ?? ulong.MaxValue), (double)(l.Space ?? ulong.MaxValue))));

    [Fact]
    public void Limits_only_throw_format_exceptions() => OnlyFormatException(ProcLimitsParser.Parse, Limits.Select(RenderLimits));

    private static readonly Gen<ulong?> Swap = Gen.OneOf(Gen.Const((ulong?)null), Gen.ULong[0, 1UL << 40].Select(v => (ulong?)v));

    private static string RenderStatus(ulong? swap) =>
        "Name:\tbash\nState:\tS (sleeping)\nVmPeak:\t   12 kB\n" + (swap is { } kb ? $"VmSwap:\t{kb,8} kB\n" : string.Empty) + "Threads:\t1\n";

    [Fact]
    public void Status_swap_round_trips() => Swap.Sample(kb => ProcStatusParser.SwapBytes(RenderStatus(kb)).Should().Be((kb ?? 0) * 1024.0));

    [Fact]
    public void Status_only_throws_format_exceptions() => OnlyFormatException(ProcStatusParser.SwapBytes, Swap.Select(RenderStatus));
}
