using Exporter.TestSupport;
using Xunit.Abstractions;

namespace Exporter.IntegrationTests.Push;

/// <summary>
/// The receiver (a real VictoriaMetrics) is down for two minutes and the exporter is killed (SIGKILL)
/// and started again half-way through: once the receiver is back, every collection of the whole
/// window is stored, in order, none twice. The exporter counts its collections in
/// exporter_push_collections_total (0 in its first collection), so the stored values of that series
/// must run 0, 1, 2, ... without a gap for each run of the exporter.
/// </summary>
public sealed class OutageTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Outage = TimeSpan.FromMinutes(2);
    private readonly string _queue = Directory.CreateTempSubdirectory("push-outage-").FullName;

    [Fact]
    public async Task Every_collection_of_a_two_minute_outage_with_a_restart_in_it_is_stored_in_order_once()
    {
        using var receiver = await VictoriaMetricsReceiver.StartAsync();
        var instance = "outage-" + Guid.NewGuid().ToString("N")[..8];
        string[] flags =
        [
            $"--push.url={receiver.WriteUrl}", "--push.interval=1s", $"--push.buffer.path={_queue}", $"--push.label=instance={instance}",
        ];
        var selector = $"exporter_push_collections_total{{instance=\"{instance}\"}}";
        var first = await HostProcess.StartAsync(flags);
        try
        {
            await Until(async () => (await Samples(receiver, selector)).Count >= 5, "the first collections at the receiver");
            receiver.Stop();
            var down = DateTimeOffset.UtcNow;
            await Task.Delay(Outage / 2);
            var appendedBeforeKill = await PushedHost.MetricAsync(first, "exporter_push_collections_total");
            first.Dispose(); // SIGKILL: no shutdown, no flush
            using var second = await HostProcess.StartAsync(flags);
            var rest = down + Outage - DateTimeOffset.UtcNow;
            await Task.Delay(rest > TimeSpan.Zero ? rest : TimeSpan.Zero);
            var queuedAtReturn = await PushedHost.MetricAsync(second, "exporter_push_queue_collections");
            await receiver.StartAgainAsync();
            var up = DateTimeOffset.UtcNow;
            await Until(async () => await PushedHost.MetricAsync(second, "exporter_push_queue_collections") == 0, "the backlog to drain");
            var drained = DateTimeOffset.UtcNow;
            var collectedBySecond = await PushedHost.MetricAsync(second, "exporter_push_collections_total");
            await Until(
                async () => Runs([.. (await Samples(receiver, selector)).Select(s => s.Value)]) is [_, var run] && run.Count >= collectedBySecond,
                "the second run's collections at the receiver");

            var samples = await Samples(receiver, selector);
            output.WriteLine(string.Join(" ", samples.Select(s => $"{s.Timestamp}={s.Value}")));
            var timestamps = samples.Select(s => s.Timestamp).ToList();
            timestamps.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems("in order, none twice");
            var runs = Runs(samples.Select(s => s.Value).ToList());
            runs.Should().HaveCount(2, "the counter restarts once, with the exporter");
            foreach (var run in runs)
            {
                run.Should().Equal(Enumerable.Range(0, run.Count).Select(i => (double)i), "every collection of a run is there, without a gap");
            }

            runs[0].Count.Should().BeGreaterThanOrEqualTo((int)appendedBeforeKill, "what the first run had queued before it was killed");
            runs[1].Count.Should().BeGreaterThanOrEqualTo((int)collectedBySecond);
            var inOutage = timestamps.Count(t => t > down.ToUnixTimeMilliseconds() && t < up.ToUnixTimeMilliseconds());
            inOutage.Should().BeGreaterThan(60, "about one collection a second for two minutes, less the restart");

            output.WriteLine(
                $"stored {samples.Count} collections: first run {runs[0].Count} (it had counted {appendedBeforeKill} when killed), second run {runs[1].Count}; " +
                $"{inOutage} made while the receiver was down ({(up - down).TotalSeconds:0} s), {queuedAtReturn} queued when it came back, " +
                $"backlog drained {(drained - up).TotalSeconds:0.0} s after; duplicates: {timestamps.Count - timestamps.Distinct().Count()}");
        }
        finally
        {
            first.Dispose();
        }
    }

    public void Dispose() => Directory.Delete(_queue, recursive: true);

    private static async Task<List<(long Timestamp, double Value)>> Samples(VictoriaMetricsReceiver receiver, string selector) =>
        (await receiver.ExportAsync(selector)).Values.SingleOrDefault() ?? [];

    /// <summary>Splits a counter's values where it falls back to 0 (a restart).</summary>
    private static List<List<double>> Runs(List<double> values)
    {
        var runs = new List<List<double>>();
        foreach (var value in values)
        {
            if (runs.Count == 0 || value < runs[^1][^1])
            {
                runs.Add([]);
            }

            runs[^1].Add(value);
        }

        return runs;
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("timed out waiting for " + what);
            }

            await Task.Delay(500);
        }
    }
}
