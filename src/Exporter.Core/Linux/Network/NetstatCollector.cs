using System.Text.RegularExpressions;
using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// node_netstat_*: the SNMP counters of /proc/net/netstat, /proc/net/snmp and /proc/net/snmp6 that
/// match --collector.netstat.fields (node_exporter's "netstat" collector). Untyped, as node_exporter
/// exports them: the files mix counters with gauges such as Tcp CurrEstab.
/// </summary>
internal sealed class NetstatCollector(HostPaths paths, NetstatOptions options) : IInlineCollector
{
    private readonly Regex _fields = FlagRegex.Create(options.Fields);
    private readonly DescriptorCache _descriptors = new();

    public string Name => "netstat";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var netstat = ProcFile.TryRead(paths.Proc("net", "netstat"));
        var snmp = ProcFile.TryRead(paths.Proc("net", "snmp"));
        var snmp6 = ProcFile.TryRead(paths.Proc("net", "snmp6"));

        // snmp6 is missing when IPv6 is disabled. Parse everything before emitting anything, so a
        // malformed file fails the collector whole; a name seen twice keeps its last value.
        var fields = new Dictionary<string, NetstatField>(StringComparer.Ordinal);
        foreach (var field in Concat(
            netstat is null ? [] : NetstatParser.ParsePaired(netstat),
            snmp is null ? [] : NetstatParser.ParsePaired(snmp),
            snmp6 is null ? [] : NetstatParser.ParseSnmp6(snmp6)))
        {
            fields[field.Protocol + "_" + field.Name] = field;
        }

        foreach (var (key, field) in fields)
        {
            if (_fields.IsMatch(key))
            {
                sink.Add(_descriptors.Get("node_netstat_" + key, $"Statistic {field.Protocol}{field.Name}.", MetricType.Untyped), field.Value);
            }
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<NetstatField> Concat(params IReadOnlyList<NetstatField>[] lists) => lists.SelectMany(l => l);
}
