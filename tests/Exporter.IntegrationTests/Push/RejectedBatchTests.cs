using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Push;

/// <summary>
/// The receiver answers 400 to one batch: that batch is dropped and counted (never retried), and the
/// batches after it still arrive.
/// </summary>
public sealed class RejectedBatchTests
{
    [Fact]
    public async Task A_rejected_batch_is_dropped_and_counted_and_the_next_ones_still_go()
    {
        using var receiver = await VictoriaMetricsReceiver.StartAsync();
        using var proxy = new RejectingProxy(receiver.WriteUrl, reject: 3);
        var instance = "reject-" + Guid.NewGuid().ToString("N")[..8];
        using var host = await HostProcess.StartAsync(
            "--collector.disable-defaults", "--collector.loadavg", $"--push.url={proxy.Url}", "--push.interval=1s", $"--push.label=instance={instance}");

        var selector = $"exporter_push_collections_total{{instance=\"{instance}\"}}";
        List<(long Timestamp, double Value)> samples = [];
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (samples.Count < 6 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            samples = (await receiver.ExportAsync(selector)).Values.SingleOrDefault() ?? [];
        }

        proxy.RejectedSeries.Should().BePositive("the third request was refused");
        var dropped = await PushedHost.MetricAsync(host, "exporter_push_samples_dropped_total", "reason=\"rejected\"");
        dropped.Should().Be(proxy.RejectedSeries, "every sample of the refused batch is counted");
        var values = samples.Select(s => s.Value).ToList();
        values.Should().HaveCountGreaterThanOrEqualTo(6);
        var missing = Enumerable.Range(0, (int)values.Max() + 1).Select(i => (double)i).Except(values).ToList();
        missing.Should().NotBeEmpty().And.Equal(Enumerable.Range((int)missing[0], missing.Count).Select(i => (double)i), "only the refused batch's collections are lost");
        var lastMissing = missing.Max();
        values.Should().Contain(v => v > lastMissing, "later batches still went");
        (await PushedHost.MetricAsync(host, "exporter_push_retries_total")).Should().Be(0, "a refused batch is not sent again");
        (await host.WaitForOutputAsync("rejected")).Should().Contain("400 out of order sample (refused by the test)");
    }
}
