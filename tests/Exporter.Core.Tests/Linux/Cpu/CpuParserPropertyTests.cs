using CsCheck;
using Exporter.Core.Linux;
using static Exporter.Core.Tests.ParserProperties;

namespace Exporter.Core.Tests.Linux;

/// <summary>Properties of the /proc/stat, cpuinfo, interrupts, schedstat and cpulist parsers (see <see cref="ParserProperties"/>).</summary>
public sealed class CpuParserPropertyTests
{
    private static readonly Gen<(ulong[][] Cpus, ulong Intr, ulong Ctxt, ulong Btime, ulong Forks, ulong Running, ulong Blocked, ulong[] SoftIrqs)> StatFile =
        Gen.Select(Counter.Array[4, 10].Array[1, 8], Counter, Counter, Counter, Counter, Counter, Counter, Counter.Array[0, 10],
            (cpus, intr, ctxt, btime, forks, running, blocked, softirqs) => (cpus, intr, ctxt, btime, forks, running, blocked, softirqs));

    private static string RenderStat((ulong[][] Cpus, ulong Intr, ulong Ctxt, ulong Btime, ulong Forks, ulong Running, ulong Blocked, ulong[] SoftIrqs) s)
    {
        // The "cpu" line is the sum over all CPUs, which node_exporter (and the parser) leave out.
        return "cpu  1 2 3 4 5 6 7 8 0 0\n"
            + string.Concat(s.Cpus.Select((c, i) => $"cpu{i} {string.Join(' ', c.Select(Invariant))}\n"))
            + $"intr {s.Intr} 0 1 2\nctxt {s.Ctxt}\nbtime {s.Btime}\nprocesses {s.Forks}\nprocs_running {s.Running}\nprocs_blocked {s.Blocked}\n"
            + $"softirq {s.SoftIrqs.Aggregate(0UL, (a, b) => unchecked(a + b))} {string.Join(' ', s.SoftIrqs.Select(Invariant))}\n";
    }

    [Fact]
    public void Stat_round_trips() =>
        StatFile.Sample(s =>
        {
            var parsed = StatParser.Parse(RenderStat(s));

            parsed.Cpus.Select(c => c.Cpu).Should().Equal(Enumerable.Range(0, s.Cpus.Length));
            for (var i = 0; i < s.Cpus.Length; i++)
            {
                var t = parsed.Cpus[i].Times;
                double[] seconds = [t.User, t.Nice, t.System, t.Idle, t.Iowait, t.Irq, t.SoftIrq, t.Steal, t.Guest, t.GuestNice];
                seconds.Should().Equal(Enumerable.Range(0, 10).Select(j => j < s.Cpus[i].Length ? s.Cpus[i][j] / StatParser.UserHz : 0));
            }

            (parsed.Interrupts, parsed.ContextSwitches, parsed.BootTime, parsed.Forks, parsed.ProcsRunning, parsed.ProcsBlocked)
                .Should().Be((s.Intr, s.Ctxt, s.Btime, s.Forks, s.Running, s.Blocked));
            parsed.SoftIrqs.Should().Equal(s.SoftIrqs.Select(v => (double)v));
        });

    [Fact]
    public void Stat_only_throws_format_exceptions() => OnlyFormatException(StatParser.Parse, StatFile.Select(RenderStat));

    private static readonly Gen<(string Vendor, int Family, int Model, string ModelName, string[] Flags)[]> CpuInfo =
        Gen.Select(Word(), Gen.Int[0, 30], Gen.Int[0, 255], Word().Array[1, 4].Select(w => string.Join(' ', w)), Word(2, 8).Array[0, 12]).Array[1, 6];

    private static string RenderCpuInfo((string Vendor, int Family, int Model, string ModelName, string[] Flags)[] cpus) =>
        string.Concat(cpus.Select((c, i) =>
            $"processor\t: {i}\nvendor_id\t: {c.Vendor}\ncpu family\t: {c.Family}\nmodel\t\t: {c.Model}\nmodel name\t: {c.ModelName}\n"
            + $"microcode\t: 0x{c.Model:x}\ncache size\t: 512 KB\nphysical id\t: 0\ncore id\t\t: {i}\nflags\t\t: {string.Join(' ', c.Flags)}\nbugs\t\t:\n\n"));

    [Fact]
    public void Cpuinfo_round_trips() =>
        CpuInfo.Sample(cpus =>
        {
            var parsed = CpuInfoParser.Parse(RenderCpuInfo(cpus));

            parsed.Select(c => (c.Processor, c.VendorId, c.Family, c.Model, c.ModelName, string.Join(' ', c.Flags), c.CoreId, c.Bugs.Count)).Should().Equal(
                cpus.Select((c, i) => (i, c.Vendor, Invariant(c.Family), Invariant(c.Model), c.ModelName, string.Join(' ', c.Flags), Invariant(i), 0)));
        });

    [Fact]
    public void Cpuinfo_only_throws_format_exceptions() => OnlyFormatException(CpuInfoParser.Parse, CpuInfo.Select(RenderCpuInfo));

    private static readonly Gen<int[]> Cpus = Gen.Int[0, 300].Array[0, 40].Select(cpus => cpus.Distinct().Order().ToArray());

    // The kernel's cpulist: ascending, consecutive CPUs folded into ranges ("0-3,8,10-11").
    private static string RenderCpuList(int[] cpus)
    {
        var parts = new List<string>();
        for (var i = 0; i < cpus.Length;)
        {
            var j = i;
            while (j + 1 < cpus.Length && cpus[j + 1] == cpus[j] + 1)
            {
                j++;
            }

            parts.Add(j == i ? Invariant(cpus[i]) : $"{cpus[i]}-{cpus[j]}");
            i = j + 1;
        }

        return string.Join(',', parts) + "\n";
    }

    [Fact]
    public void Cpulist_round_trips() => Cpus.Sample(cpus => CpuListParser.Parse(RenderCpuList(cpus)).Should().Equal(cpus));

    [Fact]
    public void Cpulist_only_throws_format_exceptions() => OnlyFormatException(CpuListParser.Parse, Cpus.Select(RenderCpuList), "0123456789,- \n\t\0x");

    private static readonly Gen<(int Cpus, (string Name, ulong[] Counts, string Info, string Devices)[] Rows)> Interrupts =
        Gen.Int[1, 6].SelectMany(n => Gen.Select(
            Gen.OneOf(Gen.Int[0, 200].Select(i => Invariant(i)), Gen.Char['A', 'Z'].Array[3].Select(c => new string(c))),
            Counter.Array[n],
            Word(2, 8),
            Word(1, 6).Array[0, 3].Select(w => string.Join(' ', w)))
            .Array[0, 12]
            .Select(rows => (n, rows.DistinctBy(r => r.Item1).ToArray())));

    private static string RenderInterrupts((int Cpus, (string Name, ulong[] Counts, string Info, string Devices)[] Rows) f) =>
        "     " + string.Concat(Enumerable.Range(0, f.Cpus).Select(i => $"      CPU{i}")) + "\n"
        + string.Concat(f.Rows.Select(r => $"{r.Name,4}: {string.Concat(r.Counts.Select(c => $"{c,10} "))} {r.Info}   {r.Devices}\n"));

    [Fact]
    public void Interrupts_round_trip() =>
        Interrupts.Sample(f =>
        {
            var parsed = InterruptsParser.Parse(RenderInterrupts(f));

            parsed.Select(i => (i.Name, string.Join(',', i.PerCpu))).Should().Equal(f.Rows.Select(r => (r.Name, string.Join(',', r.Counts.Select(c => (double)c)))));
            foreach (var (interrupt, row) in parsed.Zip(f.Rows))
            {
                var numbered = row.Name.All(char.IsAsciiDigit);
                (interrupt.Info, interrupt.Devices).Should().Be(numbered ? (row.Info, row.Devices) : ((row.Info + " " + row.Devices).Trim(), string.Empty));
            }
        });

    [Fact]
    public void Interrupts_only_throw_format_exceptions() => OnlyFormatException(InterruptsParser.Parse, Interrupts.Select(RenderInterrupts));

    private static readonly Gen<ulong[][]> Schedstat = Counter.Array[9].Array[0, 8];

    private static string RenderSchedstat(ulong[][] cpus) =>
        "version 15\ntimestamp 4294937296\n"
        + string.Concat(cpus.Select((c, i) => $"cpu{i} {string.Join(' ', c.Select(Invariant))}\ndomain0 3 1 2 3 4 5 6 7 8\n"));

    [Fact]
    public void Schedstat_round_trips() =>
        Schedstat.Sample(cpus => SchedstatParser.Parse(RenderSchedstat(cpus)).Should().Equal(
            cpus.Select((c, i) => new SchedstatCpu(Invariant(i), c[6], c[7], c[8]))));

    [Fact]
    public void Schedstat_only_throws_format_exceptions() => OnlyFormatException(SchedstatParser.Parse, Schedstat.Select(RenderSchedstat));
}
