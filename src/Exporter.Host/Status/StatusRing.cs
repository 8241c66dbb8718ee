using Microsoft.Extensions.Logging;

namespace Exporter.Host.Status;

/// <summary>
/// The recent collections behind the status page, kept only while someone looks. The first view
/// starts sampling (one collection at once, a second soon after so rates appear, then one per
/// refresh interval); each view keeps it going; with no view for <see cref="IdleTimeout"/> the
/// sampling stops and everything is dropped. Nobody viewing: no timer, no collection, no memory.
/// Collections run one after another, never overlapping, and come from the scraper (shared with
/// concurrent scrapes), so the page and /metrics read the same collection.
/// </summary>
internal sealed class StatusRing : IDisposable
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>How soon after the first collection the second is taken, so rates show within seconds.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    private readonly Func<CancellationToken, Task<StatusReading>> _collect;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly int _maxPoints;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _disposed = new();
    private Queue<HeadlinePoint> _history = new();
    private ITimer? _timer;
    private Task? _first;
    private int _generation;
    private long _lastView;
    private StatusReading? _latest;
    private StatusSnapshot? _current;

    public StatusRing(Func<CancellationToken, Task<StatusReading>> collect, TimeProvider time, TimeSpan interval, ILogger logger)
    {
        _collect = collect;
        _time = time;
        _interval = interval;
        _maxPoints = (int)Math.Ceiling(Window / interval) + 1;
        _logger = logger;
    }

    /// <summary>Whether a timer is armed: someone viewed within the last minute or so.</summary>
    internal bool Sampling
    {
        get
        {
            lock (_lock)
            {
                return _timer is not null;
            }
        }
    }

    /// <summary>Collections held (the latest reading and the history points).</summary>
    internal int Held
    {
        get
        {
            lock (_lock)
            {
                return _history.Count + (_latest is null ? 0 : 1);
            }
        }
    }

    /// <summary>
    /// Records a view and returns the latest document, waiting for the first collection when the
    /// ring was idle. Null when that collection failed (the next one is already scheduled).
    /// </summary>
    public async Task<StatusSnapshot?> ViewAsync(CancellationToken cancellationToken)
    {
        Task? first;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            _lastView = _time.GetTimestamp();
            if (_timer is null)
            {
                Start();
            }

            first = _current is null ? _first : null;
        }

        if (first is not null)
        {
            await first.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        lock (_lock)
        {
            return _current;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            // Cancelled, never disposed: a collection finishing late may still look at its token.
            _disposed.Cancel();
            Stop();
        }
    }

    private void Start()
    {
        var generation = ++_generation;
        _timer = _time.CreateTimer(_ => Tick(generation), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        StatusLog.SamplingStarted(_logger, _interval.TotalSeconds);
        _first = SampleAsync(generation);
    }

    private void Stop()
    {
        _generation++;
        _timer?.Dispose();
        _timer = null;
        _first = null;
        _latest = null;
        _current = null;
        _history = new Queue<HeadlinePoint>();
    }

    private void Tick(int generation)
    {
        lock (_lock)
        {
            if (generation != _generation)
            {
                return;
            }

            if (_time.GetElapsedTime(_lastView) >= IdleTimeout)
            {
                StatusLog.SamplingStopped(_logger, IdleTimeout.TotalSeconds);
                Stop();
                return;
            }
        }

        _ = SampleAsync(generation);
    }

    private async Task SampleAsync(int generation)
    {
        var started = _time.GetTimestamp();
        StatusReading? reading = null;
        try
        {
            reading = await _collect(_disposed.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !_disposed.IsCancellationRequested)
        {
            StatusLog.CollectionFailed(_logger, e.Message);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_lock)
        {
            if (generation != _generation)
            {
                return; // stopped (or restarted) meanwhile: this collection belongs to nobody
            }

            if (reading is not null)
            {
                Add(reading);
            }

            // The next collection: soon after the first, so rates appear; then one per interval,
            // counted from this one's start, and never before this one finished.
            var next = _history.Count <= 1 ? WarmUp : _interval - _time.GetElapsedTime(started);
            _timer?.Change(next > TimeSpan.Zero ? next : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private void Add(StatusReading reading)
    {
        var document = StatusBuilder.Build(reading, _latest, _interval, StatusHistory.Empty(Window.TotalSeconds));
        var point = StatusBuilder.Headline(document);
        _history.Enqueue(point);
        while (_history.Count > _maxPoints || (_history.Count > 1 && point.At - _history.Peek().At > Window))
        {
            _history.Dequeue();
        }

        _latest = reading;
        _current = new StatusSnapshot(document with { History = History() });
    }

    private StatusHistory History()
    {
        var points = _history.ToArray();
        return new StatusHistory(
            Window.TotalSeconds,
            [.. points.Select(p => p.At.ToUnixTimeMilliseconds() / 1000.0)],
            [.. points.Select(p => p.CpuBusyPercent)],
            [.. points.Select(p => p.Load1)],
            [.. points.Select(p => p.MemoryUsedPercent)],
            [.. points.Select(p => p.SwapUsedPercent)],
            [.. points.Select(p => p.DiskBytesPerSecond)],
            [.. points.Select(p => p.NetworkBytesPerSecond)]);
    }
}
