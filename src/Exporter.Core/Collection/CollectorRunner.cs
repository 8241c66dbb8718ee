using Exporter.Core.Exposition;
using Microsoft.Extensions.Logging;

namespace Exporter.Core.Collection;

/// <summary>
/// One collector's runs, and its failures isolated and logged. A run already under way (for a
/// concurrent scrape with another filter) is joined, not repeated. A run that outlived the
/// collection that started it (a hung NFS mount, a dead socket) is not started again until it
/// returns; meanwhile the collector is reported failed at once, so hung calls never pile up.
/// </summary>
internal sealed class CollectorRunner(ICollector collector, TimeProvider time, ILogger logger)
{
    private readonly ICollector _collector = collector;
    private readonly TimeProvider _time = time;
    private readonly Lock _lock = new();
    private Run? _current;
    private string? _lastError;

    public string Name => _collector.Name;

    /// <summary>Whether the collector runs on the scrape's thread (see <see cref="IInlineCollector"/>).</summary>
    public bool Inline => _collector is IInlineCollector { RunsInline: true };

    /// <summary>
    /// Starts a run or joins the one under way. Never throws. The task completes when the collector
    /// returns, however late: the caller bounds its wait, and calls <see cref="Abandon"/> when it gives
    /// up. A new run is returned in <paramref name="run"/>, for the caller to <see cref="Execute"/>
    /// once it has noted the task (so a deadline that passes during an inline run finds it).
    /// </summary>
    public Task<CollectorOutcome> Begin(CancellationToken deadline, out Run? run)
    {
        lock (_lock)
        {
            if (_current is { } running)
            {
                run = null;
                return running.Abandoned
                    ? Task.FromResult(new CollectorOutcome(Name, null, TimeSpan.Zero, "still running from an earlier scrape that timed out"))
                    : running.Outcome.Task;
            }

            _current = run = new Run(this, deadline);
            return run.Outcome.Task;
        }
    }

    /// <summary>The run under way, if any: it completes once the collector has returned and the runner has let it go.</summary>
    internal Task<CollectorOutcome>? Current
    {
        get
        {
            lock (_lock)
            {
                return _current?.Outcome.Task;
            }
        }
    }

    /// <summary>Runs what <see cref="Begin"/> started: on this thread when <see cref="Inline"/>, else on the thread pool.</summary>
    public void Execute(Run run)
    {
        if (Inline)
        {
            run.Execute();
        }
        else
        {
            ThreadPool.QueueUserWorkItem(static r => r.Execute(), run, preferLocal: false);
        }
    }

    /// <summary>The collection waiting for <paramref name="outcome"/> gave up: until that run returns, later scrapes skip the collector.</summary>
    public void Abandon(Task<CollectorOutcome> outcome)
    {
        lock (_lock)
        {
            if (_current is { } run && run.Outcome.Task == outcome)
            {
                run.Abandoned = true;
            }
        }
    }

    /// <summary>Logs an outcome a collection used: once per distinct error, so a broken collector does not flood the log.</summary>
    public void Report(CollectorOutcome outcome)
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
    }

    private void Finished(Run run)
    {
        lock (_lock)
        {
            if (_current == run)
            {
                _current = null;
            }
        }
    }

    /// <summary>One call of the collector: its sink, its clock, and the outcome waiters get.</summary>
    internal sealed class Run(CollectorRunner runner, CancellationToken deadline)
    {
        private readonly MetricSink _sink = new();
        private long _start;

        public TaskCompletionSource<CollectorOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Abandoned { get; set; }

        public void Execute()
        {
            _start = runner._time.GetTimestamp();
            Task task;
            try
            {
                task = runner._collector.CollectAsync(_sink, deadline);
            }
            catch (Exception e)
            {
                Complete(e);
                return;
            }

            if (task.IsCompleted)
            {
                Complete(task.Exception?.InnerException ?? (task.IsCanceled ? new OperationCanceledException() : null));
            }
            else
            {
                task.ContinueWith(
                    static (t, state) => ((Run)state!).Complete(t.Exception?.InnerException ?? (t.IsCanceled ? new OperationCanceledException() : null)),
                    this,
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }

        private void Complete(Exception? failure)
        {
            var duration = runner._time.GetElapsedTime(_start);
            var error = failure switch
            {
                null => null,
                OperationCanceledException when deadline.IsCancellationRequested => "timed out",
                _ => failure.Message,
            };
            runner.Finished(this);
            Outcome.SetResult(new CollectorOutcome(runner.Name, error is null ? _sink : null, duration, error));
        }
    }
}
