using Exporter.Core.Exposition;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Exporter.Databases.Tests;

public sealed class DatabaseCollectorTests
{
    private static readonly MetricDescriptor Up = new("test_up", "up", MetricType.Gauge, "target");
    private static readonly MetricDescriptor Value = new("test_value", "value", MetricType.Gauge, "target");

    [Fact]
    public async Task Targets_are_collected_concurrently_each_with_its_own_label()
    {
        // Each target finishes only once all four have started.
        var started = 0;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var targets = Enumerable.Range(1, 4).Select(i => new FakeTarget($"t{i}", async ct =>
        {
            if (Interlocked.Increment(ref started) == 4)
            {
                allStarted.SetResult();
            }

            await allStarted.Task.WaitAsync(ct);
        }, timeoutMs: 5_000)).ToList();
        using var collector = new DatabaseCollector("test", Up, targets);
        var sink = new MetricSink();

        var collect = collector.CollectAsync(sink, CancellationToken.None);

        // One after another, the first target would wait for the others forever (a minute of real time only guards the run).
        await allStarted.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await collect;

        Samples(sink, "test_up").Should().BeEquivalentTo(new[] { ("t1", 1.0), ("t2", 1.0), ("t3", 1.0), ("t4", 1.0) });
        Samples(sink, "test_value").Should().BeEquivalentTo(new[] { ("t1", 42.0), ("t2", 42.0), ("t3", 42.0), ("t4", 42.0) });
    }

    [Fact]
    public async Task A_hung_or_failing_target_is_down_within_its_timeout_and_the_others_stay()
    {
        var logger = new ListLogger();
        var time = new FakeTimeProvider();
        var hung = new FakeTarget("hung", _ => new TaskCompletionSource().Task, logger, time: time); // ignores cancellation
        var failing = new FakeTarget("failing", _ => throw new InvalidOperationException("connect failed: Password=hunter2;Host=x"), logger, time: time);
        var good = new FakeTarget("good", _ => Task.CompletedTask, logger, time: time);
        using var collector = new DatabaseCollector("test", Up, [hung, failing, good]);

        for (var scrape = 0; scrape < 3; scrape++)
        {
            var sink = new MetricSink();
            var collect = collector.CollectAsync(sink, CancellationToken.None);
            await failing.Attempts.WaitAsync();
            await good.Attempts.WaitAsync();
            time.Advance(TimeSpan.FromMilliseconds(299));
            collect.IsCompleted.Should().BeFalse("the hung target has 300 ms");
            time.Advance(TimeSpan.FromMilliseconds(1));

            // The hung target gives up at 300 ms, not never (a minute of real time only guards the run against a hang).
            await collect.WaitAsync(TimeSpan.FromMinutes(1));
            Samples(sink, "test_up").Should().BeEquivalentTo(new[] { ("hung", 0.0), ("failing", 0.0), ("good", 1.0) });
            Samples(sink, "test_value").Should().BeEquivalentTo(new[] { ("good", 42.0) });
        }

        logger.Warnings.Should().BeEquivalentTo(
            "test target hung is down: no answer within 0.3s",
            "test target failing is down: connect failed: Password=<redacted>;Host=x");
        failing.Resets.Should().Be(3, "a failed connection is dropped every time");
    }

    [Fact]
    public async Task A_driver_timeout_reads_like_our_own_so_a_silent_server_is_logged_once()
    {
        var logger = new ListLogger();
        var time = new FakeTimeProvider();
        var scrapes = 0;

        // Alternates between the driver giving up first (a wrapped TimeoutException) and our token.
        var silent = new FakeTarget("silent", ct => Interlocked.Increment(ref scrapes) % 2 == 1
            ? throw new InvalidOperationException("The operation has timed out", new TimeoutException("The operation has timed out."))
            : new TaskCompletionSource().Task.WaitAsync(ct), logger, time: time);
        using var collector = new DatabaseCollector("test", Up, [silent]);

        for (var scrape = 0; scrape < 4; scrape++)
        {
            var collect = collector.CollectAsync(new MetricSink(), CancellationToken.None);
            time.Advance(TimeSpan.FromMilliseconds(300));
            await collect.WaitAsync(TimeSpan.FromMinutes(1));
        }

        logger.Warnings.Should().Equal("test target silent is down: no answer within 0.3s");
    }

    [Fact]
    public async Task A_drivers_own_cancellation_reads_like_our_timeout()
    {
        var logger = new ListLogger();
        var time = new FakeTimeProvider();
        var driverCancels = false;

        // Alternately the driver cancels its own wait (before our deadline) and our token ends it.
        var silent = new FakeTarget("silent", ct => Volatile.Read(ref driverCancels)
            ? throw new TaskCanceledException("A task was canceled.")
            : new TaskCompletionSource().Task.WaitAsync(ct), logger, time: time);
        using var collector = new DatabaseCollector("test", Up, [silent]);

        for (var scrape = 0; scrape < 4; scrape++)
        {
            Volatile.Write(ref driverCancels, scrape % 2 == 0);
            var collect = collector.CollectAsync(new MetricSink(), CancellationToken.None);
            if (!driverCancels)
            {
                time.Advance(TimeSpan.FromMilliseconds(300));
            }

            // The driver's cancellation needs no time to pass at all.
            await collect.WaitAsync(TimeSpan.FromMinutes(1));
        }

        logger.Warnings.Should().Equal("test target silent is down: no answer within 0.3s");
    }

    private static List<(string, double)> Samples(MetricSink sink, string name) =>
        [.. sink.Families.Where(f => f.Descriptor.Name == name).SelectMany(f => f.Samples).Select(s => (s.LabelValues[0], s.Value))];

    private sealed class FakeOptions : DatabaseTargetOptions
    {
        internal override string Kind => "test";
    }

    private sealed class FakeTarget(string name, Func<CancellationToken, Task> work, ILogger? logger = null, int timeoutMs = 300, TimeProvider? time = null)
        : DatabaseTarget(new FakeOptions { Name = name, Password = "hunter2" }, TimeSpan.FromMilliseconds(timeoutMs), logger ?? NullLogger.Instance, time ?? new FakeTimeProvider())
    {
        public int Resets { get; private set; }

        /// <summary>Released each time a scrape's work has run to its end (answered or thrown).</summary>
        public SemaphoreSlim Attempts { get; } = new(0);

        protected override async Task CollectAsync(MetricSink sink, CancellationToken cancellationToken)
        {
            try
            {
                await work(cancellationToken);
                sink.Add(Value, 42, Name);
            }
            finally
            {
                Attempts.Release();
            }
        }

        protected override void Reset() => Resets++;
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                lock (Warnings)
                {
                    Warnings.Add(formatter(state, exception));
                }
            }
        }
    }
}
