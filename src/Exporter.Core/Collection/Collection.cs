using System.Globalization;

namespace Exporter.Core.Collection;

/// <summary>
/// One collection: the collectors that may block start apart on the thread pool, then the inline
/// ones run one after the other on this collection's thread, each timed. The collection ends when
/// every collector has returned or when the deadline passes, whichever is first: at the deadline
/// the collectors still running are reported as timed out and abandoned (see
/// <see cref="CollectorRunner.Abandon"/>), inline ones not yet started are reported as not run, and
/// the answer goes out with the rest.
/// </summary>
internal sealed class Collection : IThreadPoolWorkItem, IDisposable
{
    private readonly CollectorRunner[] _runners;
    private readonly TimeSpan _timeout;
    private readonly Func<CollectorOutcome[], ScrapeResult> _finish;
    private readonly CancellationTokenSource _deadline;
    private readonly CollectorOutcome?[] _outcomes;
    private readonly Task<CollectorOutcome>?[] _started;
    private readonly TaskCompletionSource<ScrapeResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private int _pending;
    private bool _done;

    /// <summary>Starts the clock now; <see cref="IThreadPoolWorkItem.Execute"/> runs the collectors.</summary>
    public Collection(CollectorRunner[] runners, TimeSpan timeout, TimeProvider time, Func<CollectorOutcome[], ScrapeResult> finish)
    {
        _runners = runners;
        _timeout = timeout;
        _finish = finish;
        _outcomes = new CollectorOutcome?[runners.Length];
        _started = new Task<CollectorOutcome>?[runners.Length];
        _pending = runners.Length + 1; // + 1 for Execute itself, until it has started every collector
        _deadline = new CancellationTokenSource(timeout, time);
        _deadline.Token.UnsafeRegister(static c => ((Collection)c!).TimedOut(), this);
    }

    public Task<ScrapeResult> Result => _result.Task;

    public void Execute()
    {
        var token = _deadline.Token;

        // Those that may block first, so they wait in parallel with the inline ones.
        for (var i = 0; i < _runners.Length; i++)
        {
            if (!_runners[i].Inline)
            {
                Start(i, token);
            }
        }

        for (var i = 0; i < _runners.Length; i++)
        {
            if (_runners[i].Inline)
            {
                if (token.IsCancellationRequested)
                {
                    // The deadline passed while an earlier inline collector hung; it was answered without these.
                    break;
                }

                Start(i, token);
            }
        }

        Done(-1, null);
    }

    private void Start(int index, CancellationToken token)
    {
        var outcome = _runners[index].Begin(token, out var run);
        lock (_lock)
        {
            _started[index] = outcome;
        }

        if (run is not null)
        {
            _runners[index].Execute(run);
        }

        if (outcome.IsCompleted)
        {
            Done(index, outcome.Result);
        }
        else
        {
            outcome.ContinueWith(
                static (t, state) =>
                {
                    var (collection, i) = ((Collection, int))state!;
                    collection.Done(i, t.Result);
                },
                (this, index),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private void Done(int index, CollectorOutcome? outcome)
    {
        lock (_lock)
        {
            if (_done)
            {
                return;
            }

            if (index >= 0)
            {
                _outcomes[index] = outcome;
            }

            if (--_pending > 0)
            {
                return;
            }

            _done = true;
        }

        // Every collector returned in time: the deadline's timer is no longer needed.
        Dispose();
        Finish();
    }

    /// <summary>Stops the deadline's timer; only once every collector started here has returned.</summary>
    public void Dispose() => _deadline.Dispose();

    private void TimedOut()
    {
        lock (_lock)
        {
            if (_done)
            {
                return;
            }

            _done = true;
            var seconds = _timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            for (var i = 0; i < _runners.Length; i++)
            {
                if (_outcomes[i] is not null)
                {
                    continue;
                }

                if (_started[i] is { } started)
                {
                    _runners[i].Abandon(started);
                    _outcomes[i] = new CollectorOutcome(_runners[i].Name, null, _timeout, $"timed out after {seconds}s");
                }
                else
                {
                    _outcomes[i] = new CollectorOutcome(_runners[i].Name, null, TimeSpan.Zero, $"not run: an earlier collector of this scrape did not return within {seconds}s");
                }
            }
        }

        // The token source stays undisposed: a collector still running may look at its token.
        Finish();
    }

    private void Finish()
    {
        var outcomes = new CollectorOutcome[_outcomes.Length];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = _outcomes[i]!;
            _runners[i].Report(outcomes[i]);
        }

        try
        {
            _result.SetResult(_finish(outcomes));
        }
        catch (Exception e)
        {
            _result.SetException(e);
        }
    }
}
