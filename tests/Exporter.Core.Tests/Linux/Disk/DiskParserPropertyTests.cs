using CsCheck;
using Exporter.Core.Linux;
using static Exporter.Core.Tests.ParserProperties;

namespace Exporter.Core.Tests.Linux;

/// <summary>Properties of the diskstats, mounts and udev parsers (see <see cref="ParserProperties"/>).</summary>
public sealed class DiskParserPropertyTests
{
    private static readonly Gen<(uint Major, uint Minor, string Name, ulong[] Values)[]> Disks =
        Gen.Select(Gen.UInt[0, 300], Gen.UInt[0, 1000], Word(2, 8), Counter.Array[11, 17]).Array[0, 10];

    private static string RenderDiskstats((uint Major, uint Minor, string Name, ulong[] Values)[] disks) =>
        string.Concat(disks.Select(d => $"{d.Major,4} {d.Minor,7} {d.Name} {string.Join(' ', d.Values.Select(Invariant))}\n"));

    [Fact]
    public void Diskstats_round_trips() =>
        Disks.Sample(disks => DiskstatsParser.Parse(RenderDiskstats(disks)).Select(d => (d.Major, d.Minor, d.Device, string.Join(',', d.Values)))
            .Should().Equal(disks.Select(d => (d.Major, d.Minor, d.Name, string.Join(',', d.Values)))));

    [Fact]
    public void Diskstats_only_throws_format_exceptions() => OnlyFormatException(DiskstatsParser.Parse, Disks.Select(RenderDiskstats));

    // Mount points may hold anything but NUL; the kernel escapes space, tab, newline and backslash.
    private static readonly Gen<(string Device, string MountPoint, string FsType, string[] Options)[]> Mounts =
        Gen.Select(Word(), Gen.Char["ab/ \t\n\\\u00e9-"].Array[1, 20].Select(c => "/" + new string(c)), Word(2, 6), Word(2, 8).Array[1, 4]).Array[0, 8];

    private static string RenderMounts((string Device, string MountPoint, string FsType, string[] Options)[] mounts) =>
        string.Concat(mounts.Select(m =>
            $"{m.Device} {m.MountPoint.Replace("\\", "\\134").Replace(" ", "\\040").Replace("\t", "\\011").Replace("\n", "\\012")} {m.FsType} {string.Join(',', m.Options)} 0 0\n"));

    [Fact]
    public void Mounts_round_trip() =>
        Mounts.Sample(mounts => MountsParser.Parse(RenderMounts(mounts)).Should().Equal(
            mounts.Select(m => new MountEntry(m.Device, m.MountPoint, m.FsType, string.Join(',', m.Options)))));

    [Fact]
    public void Mounts_only_throw_format_exceptions() => OnlyFormatException(MountsParser.Parse, Mounts.Select(RenderMounts));

    private static readonly Gen<Dictionary<string, string>> Udev =
        Gen.Select(Gen.Char['A', 'Z'].Array[1, 12].Select(c => new string(c)), Gen.String[0, 20].Select(v => v.Replace('\n', ' ')))
            .Array[0, 10].Select(p => p.DistinctBy(x => x.Item1).ToDictionary(x => x.Item1, x => x.Item2));

    private static string RenderUdev(Dictionary<string, string> properties) =>
        "S:disk/by-id/x\nI:123\n" + string.Concat(properties.Select(p => $"E:{p.Key}={p.Value}\n")) + "G:systemd\n";

    [Fact]
    public void Udev_round_trips() => Udev.Sample(p => UdevParser.Parse(RenderUdev(p)).Should().BeEquivalentTo(p));

    [Fact]
    public void Udev_only_throws_format_exceptions() => OnlyFormatException(UdevParser.Parse, Udev.Select(RenderUdev));
}
