using System.Text;
using CsCheck;
using Exporter.Core.Linux;
using static Exporter.Core.Tests.ParserProperties;

namespace Exporter.Core.Tests.Linux;

/// <summary>Properties of the loadavg, file-nr, pressure, os-release, clocksource and uname parsers (see <see cref="ParserProperties"/>).</summary>
public sealed class SystemParserPropertyTests
{
    private static readonly Gen<double> Load = Gen.Int[0, 99_999].Select(centi => centi / 100.0);

    private static readonly Gen<(double, double, double)> Loads = Gen.Select(Load, Load, Load);

    private static string RenderLoadavg((double One, double Five, double Fifteen) l) =>
        FormattableString.Invariant($"{l.One:F2} {l.Five:F2} {l.Fifteen:F2} 3/467 12345\n");

    [Fact]
    public void Loadavg_round_trips() => Loads.Sample(l => LoadavgParser.Parse(RenderLoadavg(l)).Should().Be(l));

    [Fact]
    public void Loadavg_only_throws_format_exceptions() => OnlyFormatException(LoadavgParser.Parse, Loads.Select(RenderLoadavg));

    private static readonly Gen<(ulong, ulong)> FileNr = Gen.Select(Counter, Counter);

    private static string RenderFileNr((ulong Allocated, ulong Maximum) f) => $"{f.Allocated}\t0\t{f.Maximum}\n";

    [Fact]
    public void File_nr_round_trips() => FileNr.Sample(f => FilefdParser.Parse(RenderFileNr(f)).Should().Be(((double)f.Item1, (double)f.Item2)));

    [Fact]
    public void File_nr_only_throws_format_exceptions() => OnlyFormatException(FilefdParser.Parse, FileNr.Select(RenderFileNr));

    private static readonly Gen<(ulong Some, ulong? Full)> Pressure =
        Gen.Select(Counter, Gen.OneOf(Gen.Const((ulong?)null), Counter.Select(v => (ulong?)v)));

    private static string RenderPressure((ulong Some, ulong? Full) p) =>
        $"some avg10=0.00 avg60=1.25 avg300=0.50 total={p.Some}\n" + (p.Full is { } full ? $"full avg10=0.00 avg60=0.00 avg300=0.00 total={full}\n" : string.Empty);

    [Fact]
    public void Pressure_round_trips() =>
        Pressure.Sample(p => PressureParser.Parse(RenderPressure(p)).Should().Be(((double?)p.Some, (double?)p.Full)));

    [Fact]
    public void Pressure_only_throws_format_exceptions() => OnlyFormatException(PressureParser.Parse, Pressure.Select(RenderPressure));

    // Values in shell syntax: plain, double-quoted (with \" \\ \$ escapes) or single-quoted.
    private static readonly Gen<(string Key, string Value, int Quoting)[]> OsRelease =
        Gen.Select(Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ_"].Array[1, 12].Select(c => new string(c)), Gen.Char["abc 12.()/-\"\\$'\u00e9"].Array[0, 20].Select(c => new string(c)), Gen.Int[0, 2])
            .Array[0, 10].Select(a => a.DistinctBy(x => x.Item1).ToArray());

    private static string Quote(string value, int quoting) => quoting switch
    {
        0 => new StringBuilder(Escape(value)).Replace("'", "\\'").Replace(" ", "\\ ").ToString(),
        1 => "\"" + Escape(value) + "\"",
        _ => string.Concat(value.Split('\'').Select((part, i) => (i > 0 ? "\\'" : string.Empty) + (part.Length > 0 ? "'" + part + "'" : string.Empty))),
    };

    // What a backslash escapes inside double quotes (os-release(5)); unquoted, also ' and space.
    private static string Escape(string value) =>
        new StringBuilder(value).Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("$", "\\$").ToString();

    private static string RenderOsRelease((string Key, string Value, int Quoting)[] pairs) =>
        "# os-release(5)\n" + string.Concat(pairs.Select(p => $"{p.Key}={Quote(p.Value, p.Quoting)}\n"));

    [Fact]
    public void Os_release_round_trips() =>
        OsRelease.Sample(pairs => OsReleaseParser.Parse(RenderOsRelease(pairs)).Should().BeEquivalentTo(pairs.ToDictionary(p => p.Key, p => p.Value)));

    [Fact]
    public void Os_release_only_throws_format_exceptions() => OnlyFormatException(OsReleaseParser.Parse, OsRelease.Select(RenderOsRelease));

    [Fact]
    public void Version_id_major_minor_never_throws() =>
        Hostile(Gen.Select(Gen.Int[0, 40], Gen.Int[0, 12]).Select((a, b) => $"{a}.{b:D2}.3")).Sample(
            text => OsReleaseParser.MajorMinor(text).Should().BeGreaterThanOrEqualTo(0), iter: Iterations);

    private static readonly Gen<(string[] Available, string Current)> Clocksources =
        Word(3, 8).Array[1, 5].SelectMany(available => Gen.OneOf(available).Select(current => (available, current)));

    [Fact]
    public void Clocksource_round_trips() =>
        Clocksources.Sample(c =>
        {
            var (available, current) = TimeParser.Clocksource(string.Join(' ', c.Available) + " \n", c.Current + "\n");
            available.Should().Equal(c.Available);
            current.Should().Be(c.Current);
        });

    [Fact]
    public void Clocksource_only_throws_format_exceptions() =>
        Gen.Select(Hostile(Word()), Hostile(Word())).Sample((available, current) =>
        {
            try
            {
                TimeParser.Clocksource(available, current);
            }
            catch (FormatException)
            {
            }
        }, iter: Iterations);

    private static readonly Gen<string[]> Uname = Gen.Char["abcXYZ019 .-_#:()\u00e9"].Array[0, 30].Select(c => new string(c)).Array[UnameParser.FieldCount];

    private static byte[] RenderUname(string[] fields)
    {
        var bytes = new byte[UnameParser.StructSize];
        for (var i = 0; i < fields.Length; i++)
        {
            Encoding.UTF8.GetBytes(fields[i]).CopyTo(bytes, i * UnameParser.FieldLength);
        }

        return bytes;
    }

    [Fact]
    public void Uname_round_trips() =>
        Uname.Sample(fields =>
        {
            var u = UnameParser.Parse(RenderUname(fields));
            new[] { u.SysName, u.NodeName, u.Release, u.Version, u.Machine, u.DomainName }.Should().Equal(fields);
        });

    [Fact]
    public void Uname_of_any_bytes_only_throws_format_exceptions() =>
        Gen.Byte.Array[0, 500].Sample(bytes =>
        {
            try
            {
                UnameParser.Parse(bytes);
            }
            catch (FormatException)
            {
            }
        }, iter: Iterations);
}
