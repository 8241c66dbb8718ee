using Exporter.Core.Exposition;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exporter.Core.Collection;

/// <summary>
/// Runs the enabled collectors and merges what they produce. Collectors that may block run apart,
/// the others one after the other on the collection's thread (see <see cref="Collection"/>); the
/// whole collection is bounded by the collector timeout. Scrapes that arrive while a collection
/// with the same filter is running share it (single flight): a hundred scrapers at once cost one
/// collection, and every one of them gets an answer.
/// </summary>
public sealed class Scraper
{
    private static readonly MetricDescriptor DurationDescriptor = new(
        "node_scrape_collector_duration_seconds", "node_exporter: Duration of a collector scrape.", MetricType.Gauge, "collector");

    private static readonly MetricDescriptor SuccessDescriptor = new(
        "node_scrape_collector_success", "node_exporter: Whether a collector succeeded.", MetricType.Gauge, "collector");

    private readonly IReadOnlyDictionary<string, CollectorRunner> _runners;
    private readonly CollectorRunner[] _all;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Task<ScrapeResult>> _inFlight = new(StringComparer.Ordinal);
    private readonly ScrapeCounters _counters;
    private readonly ILogger<Scraper> _logger;

    /// <summary>Creates every enabled collector once; built by dependency injection.</summary>
    public Scraper(
        IEnumerable<CollectorRegistration> registrations,
        IOptions<PrometheusMetricsOptions> options,
        IServiceProvider services,
        ILogger<Scraper> logger)
        : this(registrations, options, services, logger, TimeProvider.System)
    {
    }

    /// <summary>With the clock that times collectors and bounds collections (a fake one in tests).</summary>
    public Scraper(
        IEnumerable<CollectorRegistration> registrations,
        IOptions<PrometheusMetricsOptions> options,
        IServiceProvider services,
        ILogger<Scraper> logger,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        var settings = options.Value;
        _timeout = settings.CollectorTimeout;
        var runners = new SortedDictionary<string, CollectorRunner>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            if (IsEnabled(registration, settings, services) && !runners.ContainsKey(registration.Name))
            {
                runners.Add(registration.Name, new CollectorRunner(registration.Factory(services), timeProvider, logger));
            }
        }

        _runners = runners;
        _all = [.. runners.Values];
        _logger = logger;
        _counters = new ScrapeCounters(runners.Keys);
        ScraperLog.EnabledCollectors(logger, string.Join(", ", runners.Keys));
    }

    /// <summary>Names of the collectors that run, sorted.</summary>
    public IReadOnlyCollection<string> EnabledCollectors => (IReadOnlyCollection<string>)_runners.Keys;

    /// <summary>
    /// Collects from the enabled collectors the filter selects. Throws <see cref="ArgumentException"/>
    /// when the filter names a collector that is not enabled.
    /// </summary>
    /// <param name="filter">collect[] / exclude[]; <see cref="CollectorFilter.None"/> for all.</param>
    /// <param name="timeout">A shorter per-collector timeout for this scrape (e.g. from Prometheus'
    /// X-Prometheus-Scrape-Timeout-Seconds header); never longer than the configured one.</param>
    public Task<ScrapeResult> ScrapeAsync(CollectorFilter filter, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var unfiltered = filter.Collect.Count == 0 && filter.Exclude.Count == 0;
        foreach (var name in filter.Collect.Concat(filter.Exclude))
        {
            if (!_runners.ContainsKey(name))
            {
                throw new ArgumentException($"missing collector: {name}", nameof(filter));
            }
        }

        _counters.CountScrape();
        var effective = timeout is { } t && t > TimeSpan.Zero && t < _timeout ? t : _timeout;
        var key = unfiltered ? string.Empty : filter.Key;
        lock (_lock)
        {
            // A finished collection can linger here until its removal continuation runs; a scrape
            // that arrives after it finished must get a fresh one, not the old answer.
            if (_inFlight.TryGetValue(key, out var running) && !running.IsCompleted)
            {
                return running;
            }

            var selected = unfiltered ? _all : [.. _all.Where(r => filter.Includes(r.Name))];
            var collection = new Collection(selected, effective, _time, Finish);
            var task = collection.Result;
            _inFlight[key] = task;
            _ = task.ContinueWith(
                finished =>
                {
                    lock (_lock)
                    {
                        // Only its own entry: a newer collection may already sit under this key.
                        if (_inFlight.TryGetValue(key, out var current) && current == finished)
                        {
                            _inFlight.Remove(key);
                        }
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);

            // Off the caller's thread (and out of this lock): one hop per collection, not per collector.
            ThreadPool.UnsafeQueueUserWorkItem(collection, preferLocal: false);
            return task;
        }
    }

    /// <summary>
    /// Runs the inline collectors once, outside any scrape (nothing is counted or kept), at start-up:
    /// in a JIT build their code is compiled here, not in the first scrape, where the inline
    /// collectors share one timeout. Those that may block (network, file systems) are left alone,
    /// so a dead database never delays the start.
    /// </summary>
    internal Task WarmUpAsync()
    {
        var collection = new Collection([.. _all.Where(r => r.Inline)], _timeout, _time, outcomes => new ScrapeResult([]));
        ThreadPool.UnsafeQueueUserWorkItem(collection, preferLocal: false);
        return collection.Result;
    }

    /// <summary>The run of collector <paramref name="name"/> under way, if any (for tests: it completes when a stuck call has returned).</summary>
    internal Task<CollectorOutcome>? CurrentRun(string name) => _runners.TryGetValue(name, out var runner) ? runner.Current : null;

    private ScrapeResult Finish(CollectorOutcome[] outcomes)
    {
        _counters.CountOutcomes(outcomes);
        var errors = outcomes.Where(o => o.Error is not null).ToDictionary(o => o.Name, o => o.Error!, StringComparer.Ordinal);
        return new ScrapeResult(Merge(outcomes), errors);
    }

    private List<MetricFamily> Merge(CollectorOutcome[] outcomes)
    {
        var byName = new SortedDictionary<string, MetricFamily>(StringComparer.Ordinal);
        var duration = new MetricFamily(DurationDescriptor);
        var success = new MetricFamily(SuccessDescriptor);
        foreach (var outcome in outcomes)
        {
            duration.Samples.Add(new Sample([outcome.Name], outcome.Duration.TotalSeconds));
            success.Samples.Add(new Sample([outcome.Name], outcome.Success ? 1 : 0));
            foreach (var family in outcome.Sink?.Families ?? [])
            {
                // A fresh family: a collector's outcome may be shared by concurrent scrapes. A live
                // family (written from its owner's state) is shared as it is and merges with none.
                if (family.Live is not null && !byName.ContainsKey(family.Descriptor.Name))
                {
                    byName.Add(family.Descriptor.Name, family);
                    continue;
                }

                if (!byName.TryGetValue(family.Descriptor.Name, out var merged))
                {
                    merged = new MetricFamily(family.Descriptor);
                    byName.Add(family.Descriptor.Name, merged);
                }
                else if (merged.Live is not null || family.Live is not null || !SameShape(merged.Descriptor, family.Descriptor))
                {
                    // Two collectors (typically the textfile one and a built-in) emit the same family
                    // name with another type or other labels: the samples cannot be written under one
                    // header, so the later collector's family (in collector name order) is dropped.
                    ScraperLog.FamilyClash(_logger, family.Descriptor.Name, outcome.Name);
                    continue;
                }

                merged.Samples.AddRange(family.Samples);
            }
        }

        byName[DurationDescriptor.Name] = duration;
        byName[SuccessDescriptor.Name] = success;
        foreach (var family in _counters.Families())
        {
            byName[family.Descriptor.Name] = family;
        }

        return [.. byName.Values];
    }

    private static bool SameShape(MetricDescriptor a, MetricDescriptor b) =>
        ReferenceEquals(a, b) || (a.Type == b.Type && a.LabelNames.SequenceEqual(b.LabelNames, StringComparer.Ordinal));

    private static bool IsEnabled(CollectorRegistration registration, PrometheusMetricsOptions options, IServiceProvider services) =>
        options.Collectors.TryGetValue(registration.Name, out var enabled)
            ? enabled
            : registration.EnabledByDefault && !options.DisableDefaultCollectors && (registration.EnabledByDefaultWhen?.Invoke(services) ?? true);
}
