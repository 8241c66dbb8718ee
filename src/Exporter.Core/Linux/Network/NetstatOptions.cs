namespace Exporter.Core.Linux;

/// <summary>Settings of the netstat collector (node_exporter's --collector.netstat.* flags).</summary>
public sealed class NetstatOptions
{
    /// <summary>node_exporter 1.5.0's default for --collector.netstat.fields.</summary>
    internal const string DefaultFields =
        "^(.*_(InErrors|InErrs)|Ip_Forwarding|Ip(6|Ext)_(InOctets|OutOctets)|Icmp6?_(InMsgs|OutMsgs)|TcpExt_(Listen.*|Syncookies.*|TCPSynRetrans|TCPTimeouts)|Tcp_(ActiveOpens|InSegs|OutSegs|OutRsts|PassiveOpens|RetransSegs|CurrEstab)|Udp6?_(InDatagrams|OutDatagrams|NoPorts|RcvbufErrors|SndbufErrors))$";

    /// <summary>
    /// Regular expression over "Protocol_Name" (e.g. "Tcp_CurrEstab") choosing the counters to
    /// export (--collector.netstat.fields).
    /// </summary>
    public string Fields { get; set; } = DefaultFields;

    internal IEnumerable<string> Errors() => FlagRegex.CheckRequired(Fields, "collector.netstat.fields");
}
