using System.Diagnostics;
using Exporter.Core.Exposition;
using Microsoft.Extensions.Logging;

namespace Exporter.Core.Collection;

/// <summary>
/// Runs one collector with a timeout and isolates its failures. A collector still stuck from an
/// earlier scrape (a hung NFS mount, a dead socket) is not started again until it returns, so hung
/// calls never pile up; meanwhile it is reported as failed at once.
/// </summary>
internal sealed class CollectorRunner(ICollector collector, ILogger logger)
{
    private readonly Lock _lock = new();
    private Task? _running;
    private Task<CollectorOutcome>? _current;
    private string? _lastError;

    public string Name => collector.Name;

    /// <summary>Never throws; always completes within about <paramref name="timeout"/>.</summary>
    public Task<CollectorOutcome> RunAsync(TimeSpan timeout)
    {
        lock (_lock)
        {
            // A collection already under way (for a scrape with another filter) is joined, not repeated.
            if (_current is { IsCompleted: false })
            {
                return _current;
            }

            if (_running is { IsCompleted: false })
            {
                return Task.FromResult(Report(new CollectorOutcome(Name, null, TimeSpan.Zero,
                    "still running from an earlier scrape that timed out")));
            }

            _current = RunCoreAsync(timeout);
            return _current;
        }
    }

    private async Task<CollectorOutcome> RunCoreAsync(TimeSpan timeout)
    {
        var start = Stopwatch.GetTimestamp();
        var sink = new MetricSink();
        var cts = new CancellationTokenSource(timeout);
        var task = Task.Run(() => collector.CollectAsync(sink, cts.Token), cts.Token);
        _running = task;

        // The token source lives until the collector returns, however late: it may still look at it.
        _ = task.ContinueWith(_ => cts.Dispose(), TaskScheduler.Default);

        string? error = null;
        try
        {
            await task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            error = $"timed out after {timeout.TotalSeconds:0.###}s";
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            error = $"timed out after {timeout.TotalSeconds:0.###}s";
        }
        catch (Exception e)
        {
            error = e.Message;
        }

        var duration = Stopwatch.GetElapsedTime(start);
        return Report(new CollectorOutcome(Name, error is null ? sink : null, duration, error));
    }

    // Logged once per distinct error, so a broken collector does not flood the log every scrape.
    private CollectorOutcome Report(CollectorOutcome outcome)
    {
        lock (_lock)
        {
            if (outcome.Error is { } error)
            {
                if (error != _lastError)
                {
                    ScraperLog.CollectorFailed(logger, Name, error);
                }
                else
                {
                    ScraperLog.CollectorFailedAgain(logger, Name, error);
                }
            }
            else if (_lastError is not null)
            {
                ScraperLog.CollectorRecovered(logger, Name);
            }

            _lastError = outcome.Error;
        }

        return outcome;
    }
}
