using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Exporter.RemoteWrite.Tests.Sending;

/// <summary>
/// Fake time that reports every timer created (a backoff delay, a collection interval), so a test
/// advances the clock exactly when the code under test waits, and checks how long it waits.
/// Timers of <see cref="Ignored"/> (the request timeout) are not reported.
/// </summary>
internal sealed class WatchedTime(TimeSpan ignored) : FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero))
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public TimeSpan Ignored { get; } = ignored;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Ignored)
        {
            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The due time of the next timer created.</summary>
    public async Task<TimeSpan> NextTimerAsync() => await _timers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
}
