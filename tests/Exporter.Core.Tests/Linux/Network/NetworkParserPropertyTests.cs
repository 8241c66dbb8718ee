using System.Globalization;
using CsCheck;
using Exporter.Core.Linux;
using static Exporter.Core.Tests.ParserProperties;

namespace Exporter.Core.Tests.Linux;

/// <summary>Properties of the /proc/net and /sys/class/net parsers (see <see cref="ParserProperties"/>).</summary>
public sealed class NetworkParserPropertyTests
{
    private static readonly Gen<string> Device = Gen.Select(Word(2, 5), Gen.Int[0, 9]).Select((w, n) => w + Invariant(n));

    private static readonly Gen<(string Ip, string Device)[]> Arp = Gen.Select(Gen.Int[1, 254], Device).Select((n, d) => ($"10.0.0.{n}", d)).Array[0, 12];

    private static string RenderArp((string Ip, string Device)[] entries) =>
        "IP address       HW type     Flags       HW address            Mask     Device\n"
        + string.Concat(entries.Select(e => $"{e.Ip,-16} 0x1         0x2         52:54:00:12:35:02     *        {e.Device}\n"));

    [Fact]
    public void Arp_round_trips() =>
        Arp.Sample(entries => ArpParser.Parse(RenderArp(entries)).Should().BeEquivalentTo(
            entries.GroupBy(e => e.Device).ToDictionary(g => g.Key, g => g.Count())));

    [Fact]
    public void Arp_only_throws_format_exceptions() => OnlyFormatException(ArpParser.Parse, Arp.Select(RenderArp));

    private static readonly string[] ConntrackColumns = ["found", "invalid", "ignore", "insert", "insert_failed", "drop", "early_drop", "search_restart"];

    // The kernel's header names more columns than node_exporter reads, in its own order.
    private static readonly Gen<(string[] Header, ulong[][] Cpus)> Conntrack =
        Gen.Select(Word(3, 8).Array[0, 6], Gen.Int.Array[ConntrackColumns.Length + 6])
            .Select((extra, order) => ConntrackColumns.Concat(extra.Select(e => "x_" + e)).Distinct().Zip(order).OrderBy(c => c.Second).Select(c => c.First).ToArray())
            .SelectMany(header => Gen.ULong[0, uint.MaxValue].Array[header.Length].Array[1, 6].Select(cpus => (header, cpus)));

    private static string RenderConntrack((string[] Header, ulong[][] Cpus) f) =>
        string.Join(' ', f.Header) + "\n" + string.Concat(f.Cpus.Select(c => string.Join(' ', c.Select(v => v.ToString("x8", CultureInfo.InvariantCulture))) + " \n"));

    [Fact]
    public void Conntrack_round_trips() =>
        Conntrack.Sample(f =>
        {
            var header = f.Header.Prepend("entries").ToArray();
            double Sum(string column) => f.Cpus.Sum(c => (double)c[Array.IndexOf(f.Header, column)]);
            var parsed = ConntrackParser.ParseStat(RenderConntrack((header, f.Cpus.Select(c => c.Prepend(7UL).ToArray()).ToArray())));

            parsed.Should().Be(new ConntrackStats(
                Sum("found"), Sum("invalid"), Sum("ignore"), Sum("insert"), Sum("insert_failed"), Sum("drop"), Sum("early_drop"), Sum("search_restart")));
        });

    [Fact]
    public void Conntrack_only_throws_format_exceptions() => OnlyFormatException(ConntrackParser.ParseStat, Conntrack.Select(RenderConntrack));

    private static readonly Gen<(string Device, ulong[] Values)[]> NetDev = Gen.Select(Device, Counter.Array[16]).Array[0, 8];

    private static string RenderNetDev((string Device, ulong[] Values)[] devices) =>
        "Inter-|   Receive                                                |  Transmit\n"
        + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n"
        + string.Concat(devices.Select(d => $"{d.Device,6}:{string.Concat(d.Values.Select(v => $" {v,7}"))}\n"));

    [Fact]
    public void Net_dev_round_trips() =>
        NetDev.Sample(devices => NetDevParser.Parse(RenderNetDev(devices)).Select(d => (d.Device, string.Join(',', d.Values)))
            .Should().Equal(devices.Select(d => (d.Device, string.Join(',', d.Values)))));

    [Fact]
    public void Net_dev_only_throws_format_exceptions() => OnlyFormatException(NetDevParser.Parse, NetDev.Select(RenderNetDev));

    // Pairs of lines: "Tcp: RtoAlgorithm RtoMin ..." then "Tcp: 1 200 ..."; some values are negative.
    private static readonly Gen<(string Protocol, (string Name, long Value)[] Fields)[]> Paired =
        Gen.Select(Gen.Char['A', 'Z'].Select(c => c.ToString()), Word(2, 6), Gen.Select(Word(2, 12), Gen.Long[-1, long.MaxValue]).Array[1, 10])
            .Select((first, rest, fields) => (first + rest, fields)).Array[0, 6];

    private static string RenderPaired((string Protocol, (string Name, long Value)[] Fields)[] protocols) =>
        string.Concat(protocols.Select(p =>
            $"{p.Protocol}: {string.Join(' ', p.Fields.Select(f => f.Name))}\n{p.Protocol}: {string.Join(' ', p.Fields.Select(f => Invariant(f.Value)))}\n"));

    [Fact]
    public void Netstat_round_trips() =>
        Paired.Sample(protocols => NetstatParser.ParsePaired(RenderPaired(protocols)).Should().Equal(
            protocols.SelectMany(p => p.Fields.Select(f => new NetstatField(p.Protocol, f.Name, f.Value)))));

    [Fact]
    public void Netstat_only_throws_format_exceptions() => OnlyFormatException(NetstatParser.ParsePaired, Paired.Select(RenderPaired));

    private static readonly Gen<(string Protocol, string Name, ulong Value)[]> Snmp6 =
        Gen.Select(Gen.OneOf("Ip6", "Icmp6", "Udp6", "UdpLite6"), Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"].Array[2, 14].Select(c => new string(c)), Counter).Array[0, 20];

    private static string RenderSnmp6((string Protocol, string Name, ulong Value)[] fields) =>
        string.Concat(fields.Select(f => $"{f.Protocol + f.Name,-32}{f.Value}\n"));

    [Fact]
    public void Snmp6_round_trips() =>
        Snmp6.Sample(fields => NetstatParser.ParseSnmp6(RenderSnmp6(fields)).Should().Equal(
            fields.Select(f => new NetstatField(f.Protocol, f.Name, f.Value))));

    [Fact]
    public void Snmp6_only_throws_format_exceptions() => OnlyFormatException(NetstatParser.ParseSnmp6, Snmp6.Select(RenderSnmp6));

    private static readonly Gen<(string Protocol, (string Key, ulong Value)[] Values)[]> Sockstat =
        Gen.Select(Gen.OneOf("sockets", "TCP", "UDP", "UDPLITE", "RAW", "FRAG", "TCP6"), Gen.Select(Word(2, 7), Counter).Array[1, 6]).Array[0, 7];

    private static string RenderSockstat((string Protocol, (string Key, ulong Value)[] Values)[] lines) =>
        string.Concat(lines.Select(l => $"{l.Protocol}: {string.Join(' ', l.Values.Select(v => $"{v.Key} {v.Value}"))}\n"));

    [Fact]
    public void Sockstat_round_trips() =>
        Sockstat.Sample(lines => NetstatParserShape(SockstatParser.Parse(RenderSockstat(lines))).Should().Equal(
            lines.Select(l => $"{l.Protocol}:{string.Join(',', l.Values.Select(v => $"{v.Key}={(double)v.Value}"))}")));

    private static IEnumerable<string> NetstatParserShape(IReadOnlyList<SockstatLine> lines) =>
        lines.Select(l => $"{l.Protocol}:{string.Join(',', l.Values.Select(v => $"{v.Key}={v.Value}"))}");

    [Fact]
    public void Sockstat_only_throws_format_exceptions() => OnlyFormatException(SockstatParser.Parse, Sockstat.Select(RenderSockstat));

    private static readonly Gen<uint[][]> Softnet = Gen.UInt.Array[3, 13].Array[0, 8];

    private static string RenderSoftnet(uint[][] cpus) =>
        string.Concat(cpus.Select(c => string.Join(' ', c.Select(v => v.ToString("x8", CultureInfo.InvariantCulture))) + "\n"));

    [Fact]
    public void Softnet_round_trips() =>
        Softnet.Sample(cpus => SoftnetParser.Parse(RenderSoftnet(cpus)).Should().Equal(cpus.Select(c => ((double)c[0], (double)c[1], (double)c[2]))));

    [Fact]
    public void Softnet_only_throws_format_exceptions() => OnlyFormatException(SoftnetParser.Parse, Softnet.Select(RenderSoftnet));

    private static readonly Gen<(int State, uint Tx, uint Rx)[]> Sockets = Gen.Select(Gen.Int[1, 11], Gen.UInt[0, 1 << 20], Gen.UInt[0, 1 << 20]).Array[0, 20];

    private const string TcpHeader = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    private static string RenderTcp((int State, uint Tx, uint Rx)[] sockets) =>
        TcpHeader + string.Concat(sockets.Select((s, i) =>
            $"{i,4}: 0100007F:1F90 00000000:0000 {s.State:X2} {s.Tx:X8}:{s.Rx:X8} 00:00000000 00000000     0        0 {1000 + i} 1 0000000000000000 100 0 0 10 0\n"));

    [Fact]
    public void Tcp_round_trips() =>
        Sockets.Sample(sockets =>
        {
            var counts = new Dictionary<string, double>();
            TcpStatParser.Parse(RenderTcp(sockets), counts);

            string[] names = ["", "established", "syn_sent", "syn_recv", "fin_wait1", "fin_wait2", "time_wait", "close", "close_wait", "last_ack", "listen", "closing"];
            var expected = sockets.GroupBy(s => names[s.State]).ToDictionary(g => g.Key, g => (double)g.Count());
            if (sockets.Length > 0)
            {
                expected["tx_queued_bytes"] = sockets.Sum(s => (double)s.Tx);
                expected["rx_queued_bytes"] = sockets.Sum(s => (double)s.Rx);
            }

            counts.Should().BeEquivalentTo(expected);
        });

    [Fact]
    public void Tcp_only_throws_format_exceptions() => OnlyFormatException(
        text =>
        {
            TcpStatParser.Parse(text, new Dictionary<string, double>());
            return true;
        },
        Sockets.Select(RenderTcp));

    [Fact]
    public void Udp_queues_round_trip() =>
        Sockets.Sample(sockets => UdpQueuesParser.Parse(RenderTcp(sockets)).Should().Be((sockets.Sum(s => (double)s.Tx), sockets.Sum(s => (double)s.Rx))));

    [Fact]
    public void Udp_queues_only_throw_format_exceptions() => OnlyFormatException(UdpQueuesParser.Parse, Sockets.Select(RenderTcp));

    // Numbers as sysfs prints them: decimal, or hexadecimal with 0x (flags, dev_id).
    private static readonly Gen<Dictionary<string, (long Value, bool Hex)>> NetClass =
        Gen.Select(Gen.OneOf([.. NetClassParser.AttributeFiles.Where(f => f is not ("address" or "broadcast" or "duplex" or "ifalias" or "operstate"))]), Gen.Long[-1, long.MaxValue], Gen.Bool)
            .Array[0, 12].Select(a => a.DistinctBy(x => x.Item1).ToDictionary(x => x.Item1, x => (x.Item2, x.Item3 && x.Item2 >= 0)));

    [Fact]
    public void Net_class_numbers_round_trip() =>
        NetClass.Sample(attributes =>
        {
            var files = attributes.ToDictionary(a => a.Key, a => (a.Value.Hex ? "0x" + a.Value.Value.ToString("x", CultureInfo.InvariantCulture) : Invariant(a.Value.Value)) + "\n");
            var device = NetClassParser.Parse("eth0", files);

            foreach (var (file, (value, _)) in attributes)
            {
                var property = typeof(NetClassDevice).GetProperties()
                    .Single(p => p.Name.Equals(file.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
                property.GetValue(device).Should().Be(value, file);
            }
        });

    [Fact]
    public void Net_class_attributes_only_throw_format_exceptions() =>
        Hostile(Gen.Long.Select(Invariant)).Array[1, 3].Sample(values =>
        {
            try
            {
                NetClassParser.Parse("eth0", NetClassParser.AttributeFiles.Zip(values).ToDictionary(p => p.First, p => p.Second));
            }
            catch (FormatException)
            {
            }
        }, iter: Iterations);
}
