using Exporter.Core.Collection;
using Exporter.Core.Exposition;
using Microsoft.Extensions.Logging;

namespace Exporter.Core.Databases.Mongo;

/// <summary>
/// MongoDB servers, with mongodb_exporter's metric names plus a <c>target</c> label. Targets are
/// scraped concurrently, each within its own timeout: a target that is down, refuses the password
/// or never answers is <c>mongodb_up 0</c> and the others report as usual.
/// </summary>
internal sealed class MongoCollector : ICollector
{
    private static readonly MetricDescriptor Up = new("mongodb_up", "Whether MongoDB is up.", MetricType.Gauge, "target");
    private static readonly MetricDescriptor Version = new("mongodb_version_info", "The server version.", MetricType.Gauge, "target", "mongodb");
    private static readonly MetricDescriptor Connections = new("mongodb_ss_connections", "serverStatus.connections: current, available and the other connection counters.", MetricType.Untyped, "target", "conn_type");
    private static readonly MetricDescriptor Collections = DbStats("collections", "Number of collections.");
    private static readonly MetricDescriptor Objects = DbStats("objects", "Number of documents.");
    private static readonly MetricDescriptor DataSize = DbStats("dataSize", "Uncompressed size of the documents, in bytes.");
    private static readonly MetricDescriptor StorageSize = DbStats("storageSize", "Space allocated to collections, in bytes.");
    private static readonly MetricDescriptor IndexSize = DbStats("indexSize", "Space allocated to indexes, in bytes.");

    private readonly MongoTarget[] _targets;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;

    public MongoCollector(MongoOptions options, ILogger<MongoCollector> logger)
    {
        _targets = [.. options.Targets.Select(t => new MongoTarget(t))];
        _timeout = options.Timeout;
        _logger = logger;
    }

    public string Name => "mongodb";

    public async Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(_targets.Select(t => ScrapeAsync(t, cancellationToken))).ConfigureAwait(false);
        for (var i = 0; i < _targets.Length; i++)
        {
            Emit(sink, _targets[i].Options.Name, results[i]);
        }
    }

    private async Task<MongoServerStats?> ScrapeAsync(MongoTarget target, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            var stats = await target.ScrapeAsync(timeout.Token).ConfigureAwait(false);
            if (target.LastError is not null)
            {
                target.LastError = null;
                MongoLog.TargetUp(_logger, target.Options.Name, target.Options.Address);
            }

            return stats;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var error = e is OperationCanceledException ? $"no answer within {_timeout.TotalSeconds:0.###}s" : e.Message;
            if (error != target.LastError)
            {
                target.LastError = error;
                MongoLog.TargetDown(_logger, target.Options.Name, target.Options.Address, error);
            }
            else
            {
                MongoLog.TargetStillDown(_logger, target.Options.Name, target.Options.Address, error);
            }

            return null;
        }
    }

    private static void Emit(MetricSink sink, string target, MongoServerStats? stats)
    {
        sink.Add(Up, stats is null ? 0 : 1, target);
        if (stats is null)
        {
            return;
        }

        if (stats.Version is not null)
        {
            sink.Add(Version, 1, target, stats.Version);
        }

        foreach (var (type, value) in stats.Connections)
        {
            sink.Add(Connections, value, target, type);
        }

        foreach (var db in stats.Databases)
        {
            Add(sink, Collections, db.Collections, target, db.Name);
            Add(sink, Objects, db.Objects, target, db.Name);
            Add(sink, DataSize, db.DataSize, target, db.Name);
            Add(sink, StorageSize, db.StorageSize, target, db.Name);
            Add(sink, IndexSize, db.IndexSize, target, db.Name);
        }
    }

    private static void Add(MetricSink sink, MetricDescriptor descriptor, double? value, string target, string database)
    {
        if (value is { } v)
        {
            sink.Add(descriptor, v, target, database);
        }
    }

    private static MetricDescriptor DbStats(string field, string help) =>
        new($"mongodb_dbstats_{field}", $"dbStats {field}: {help}", MetricType.Gauge, "target", "database");
}
