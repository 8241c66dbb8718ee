using Exporter.Core.Collection;
using Exporter.Core.Exposition;

namespace Exporter.Core.Linux;

/// <summary>
/// Connection tracking: node_nf_conntrack_entries and _entries_limit from
/// /proc/sys/net/netfilter, and node_exporter 1.5's node_nf_conntrack_stat_* (gauges, as there)
/// from /proc/net/stat/nf_conntrack. Without the nf_conntrack module the files do not exist: no data.
/// </summary>
internal sealed class ConntrackCollector(HostPaths paths) : IInlineCollector
{
    private static readonly MetricDescriptor Entries = new(
        "node_nf_conntrack_entries", "Number of currently allocated flow entries for connection tracking.", MetricType.Gauge);

    private static readonly MetricDescriptor Limit = new(
        "node_nf_conntrack_entries_limit", "Maximum size of connection tracking table.", MetricType.Gauge);

    private static readonly MetricDescriptor Found = Stat("found", "Number of searched entries which were successful.");
    private static readonly MetricDescriptor Invalid = Stat("invalid", "Number of packets seen which can not be tracked.");
    private static readonly MetricDescriptor Ignore = Stat("ignore", "Number of packets seen which are already connected to a conntrack entry.");
    private static readonly MetricDescriptor Insert = Stat("insert", "Number of entries inserted into the list.");
    private static readonly MetricDescriptor InsertFailed = Stat("insert_failed", "Number of entries for which list insertion was attempted but failed.");
    private static readonly MetricDescriptor Drop = Stat("drop", "Number of packets dropped due to conntrack failure.");
    private static readonly MetricDescriptor EarlyDrop = Stat("early_drop", "Number of dropped conntrack entries to make room for new ones, if maximum table size was reached.");
    private static readonly MetricDescriptor SearchRestart = Stat("search_restart", "Number of conntrack table lookups which had to be restarted due to hashtable resizes.");

    public string Name => "conntrack";

    public Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        sink.AddIfPresent(Entries, ProcFile.TryReadValue(paths.Proc("sys", "net", "netfilter", "nf_conntrack_count"), "nf_conntrack_count"));
        sink.AddIfPresent(Limit, ProcFile.TryReadValue(paths.Proc("sys", "net", "netfilter", "nf_conntrack_max"), "nf_conntrack_max"));

        if (ProcFile.TryRead(paths.Proc("net", "stat", "nf_conntrack")) is { } text)
        {
            var stats = ConntrackParser.ParseStat(text);
            sink.Add(Found, stats.Found);
            sink.Add(Invalid, stats.Invalid);
            sink.Add(Ignore, stats.Ignore);
            sink.Add(Insert, stats.Insert);
            sink.Add(InsertFailed, stats.InsertFailed);
            sink.Add(Drop, stats.Drop);
            sink.Add(EarlyDrop, stats.EarlyDrop);
            sink.Add(SearchRestart, stats.SearchRestart);
        }

        return Task.CompletedTask;
    }

    private static MetricDescriptor Stat(string name, string help) => new("node_nf_conntrack_stat_" + name, help, MetricType.Gauge);
}
