using Exporter.Core.Exposition;
using Exporter.Host.Status;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Exporter.Core.Tests.Host.Status;

public sealed class StatusRingTests : IDisposable
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(Families.Start);
    private readonly StatusRing _ring;
    private int _collections;
    private Func<Task<StatusReading>>? _next;

    public StatusRingTests()
    {
        _ring = new StatusRing(_ => _next?.Invoke() ?? Task.FromResult(Reading()), _time, Refresh, NullLogger.Instance);
    }

    public void Dispose() => _ring.Dispose();

    [Fact]
    public void Nothing_is_collected_or_kept_while_nobody_views()
    {
        Pass(TimeSpan.FromHours(1));

        _collections.Should().Be(0);
        _ring.Sampling.Should().BeFalse();
        _ring.Held.Should().Be(0);
    }

    [Fact]
    public async Task The_first_view_waits_for_a_collection_then_rates_follow_after_the_warm_up()
    {
        var first = await _ring.ViewAsync(CancellationToken.None);

        _collections.Should().Be(1);
        first!.Document.Host.Cpu.Cores.Should().Be(1);
        first.Document.Host.Cpu.BusyPercent.Should().BeNull("one collection has no rate");

        _time.Advance(StatusRing.WarmUp);
        _collections.Should().Be(2);
        var second = await _ring.ViewAsync(CancellationToken.None);
        second!.Document.Host.Cpu.BusyPercent.Should().Be(50);
        second.Document.History.Times.Should().HaveCount(2);

        _time.Advance(Refresh - TimeSpan.FromTicks(1));
        _collections.Should().Be(2);
        _time.Advance(TimeSpan.FromTicks(1));
        _collections.Should().Be(3);
    }

    [Fact]
    public async Task A_view_answers_from_the_ring_without_collecting()
    {
        await _ring.ViewAsync(CancellationToken.None);
        _time.Advance(StatusRing.WarmUp);

        for (var i = 0; i < 100; i++)
        {
            await _ring.ViewAsync(CancellationToken.None);
        }

        _collections.Should().Be(2);
    }

    [Fact]
    public async Task A_minute_without_a_view_stops_the_sampling_and_drops_everything()
    {
        await _ring.ViewAsync(CancellationToken.None);
        Pass(TimeSpan.FromSeconds(59));
        _ring.Sampling.Should().BeTrue();
        _ring.Held.Should().BeGreaterThan(0);

        Pass(Refresh);

        _ring.Sampling.Should().BeFalse();
        _ring.Held.Should().Be(0);
        var collections = _collections;
        Pass(TimeSpan.FromHours(1));
        _collections.Should().Be(collections, "nothing is sampled once nobody looks");
    }

    [Fact]
    public async Task Views_keep_it_sampling_once_per_refresh_and_a_return_after_idling_starts_afresh()
    {
        for (var second = 0; second < 300; second += 30)
        {
            await _ring.ViewAsync(CancellationToken.None);
            Pass(TimeSpan.FromSeconds(30));
        }

        _ring.Sampling.Should().BeTrue();
        _collections.Should().BeInRange(30, 32, "one at the first view, one after the warm-up, then one per 10 s for 5 minutes");

        Pass(TimeSpan.FromMinutes(5));
        var again = await _ring.ViewAsync(CancellationToken.None);
        again!.Document.History.Times.Should().HaveCount(1, "the history of the earlier viewing was dropped");
    }

    [Fact]
    public async Task The_history_holds_the_last_15_minutes()
    {
        for (var second = 0; second < 20 * 60; second += 20)
        {
            await _ring.ViewAsync(CancellationToken.None);
            Pass(TimeSpan.FromSeconds(20));
        }

        var history = (await _ring.ViewAsync(CancellationToken.None))!.Document.History;

        (history.Times[^1] - history.Times[0]).Should().BeLessThanOrEqualTo(StatusRing.Window.TotalSeconds);
        history.Times.Should().HaveCount(91).And.BeInAscendingOrder();
        history.CpuBusyPercent.Should().HaveCount(91).And.OnlyContain(v => v == 50);
        _ring.Held.Should().Be(92);
    }

    [Fact]
    public async Task A_slow_collection_is_never_overlapped()
    {
        var gate = new TaskCompletionSource<StatusReading>();
        _next = () => gate.Task;
        var view = _ring.ViewAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(30));
        _collections.Should().Be(0, "the delegate counts only readings it made");
        view.IsCompleted.Should().BeFalse();

        _next = null;
        gate.SetResult(Reading());
        (await view).Should().NotBeNull();
        _time.Advance(StatusRing.WarmUp);
        _collections.Should().Be(2, "the next collection is scheduled only after the slow one finished");
    }

    [Fact]
    public async Task A_failed_collection_answers_nothing_and_the_next_one_is_tried()
    {
        _next = () => Task.FromException<StatusReading>(new InvalidOperationException("boom"));
        (await _ring.ViewAsync(CancellationToken.None)).Should().BeNull();

        _next = null;
        _time.Advance(StatusRing.WarmUp);

        (await _ring.ViewAsync(CancellationToken.None)).Should().NotBeNull();
    }

    /// <summary>
    /// Lets time pass a second at a time: the fake clock fires a timer once per Advance, with the
    /// clock already at the end, so one long step would hide the collections in between.
    /// </summary>
    private void Pass(TimeSpan span)
    {
        for (var t = TimeSpan.Zero; t < span; t += TimeSpan.FromSeconds(1))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>A collection at the fake clock's time, one core busy half the time.</summary>
    private StatusReading Reading()
    {
        var n = ++_collections;
        var elapsed = _time.GetUtcNow() - Families.Start;
        var cpu = Families.Of("node_cpu_seconds_total", MetricType.Counter, ["cpu", "mode"],
            (["0", "idle"], elapsed.TotalSeconds / 2), (["0", "user"], elapsed.TotalSeconds / 2));
        return new StatusReading([cpu, Families.Gauge("test_collection", n)], new Dictionary<string, string>(), _time.GetUtcNow(), elapsed);
    }
}
