using Exporter.IntegrationTests.Stack;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Push;

/// <summary>
/// The host started with nothing but a --config.file whose push: section lists two receivers (two
/// real VictoriaMetrics 1.79): both get the collections, with the file's labels, names as written.
/// A mistake in the section stops the host with exit code 2, its line and key.
/// </summary>
public sealed class ConfigFilePushTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("push-config-file-").FullName;

    [Fact]
    public async Task A_push_section_alone_sends_to_every_receiver_it_lists()
    {
        using var first = await VictoriaMetricsReceiver.StartAsync();
        using var second = await VictoriaMetricsReceiver.StartAsync();
        var instance = "config-" + Guid.NewGuid().ToString("N")[..8];
        var queue = Path.Join(_dir, "queue");
        var file = Path.Join(_dir, "exporter.yml");
        await File.WriteAllTextAsync(file, $"""
            push:
              interval: 1s
              buffer:
                path: {queue}
                max_size: 16MiB
              labels:
                instance: {instance}
                job: node
                Site_Code: fra1
              receivers:
                - url: {first.WriteUrl}
                - url: {second.WriteUrl}
                  timeout: 10s
                  headers:
                    X-Scope-OrgID: team-a
            """);

        using var host = await HostProcess.StartAsync($"--config.file={file}");

        var selector = $"exporter_push_collections_total{{instance=\"{instance}\"}}";
        foreach (var receiver in new[] { first, second })
        {
            var series = await Server.EventuallyAsync(
                async () => await receiver.ExportAsync(selector) is { Count: > 0 } found && found.Values.Single().Count >= 2 ? found : null,
                TimeSpan.FromSeconds(60), $"two collections at the receiver on port {receiver.Port}");

            series.Keys.Should().Equal(
                $"Site_Code=\"fra1\",__name__=\"exporter_push_collections_total\",instance=\"{instance}\",job=\"node\"");
            series.Values.Single().Select(s => s.Value).Should().StartWith([0, 1], "every collection, from the first");
        }

        Directory.GetDirectories(queue).Should().HaveCount(2, "each receiver has its own on-disk queue");
        (await PushedHost.MetricAsync(host, "exporter_push_queue_max_bytes")).Should().Be(16 << 20);
    }

    [Fact]
    public void A_mistake_in_the_push_section_stops_the_host_with_its_line()
    {
        const string Secret = "tok-never-printed-0815";
        var file = Path.Join(_dir, "bad.yml");
        File.WriteAllText(file, $"push:\n  receivers:\n    - url: 127.0.0.1:9/api/v1/write?token={Secret}\n      basic_auth:\n        password: {Secret}\n");
        using var host = new ExternalProcess(RepoPaths.HostFileName, RepoPaths.HostArguments(["--web.listen-address=127.0.0.1:0", $"--config.file={file}"]));

        host.WaitForExit(TimeSpan.FromSeconds(60)).Should().BeTrue("a bad file stops the host at start-up");

        host.ExitCode.Should().Be(2, host.Output);
        host.StandardError.Should()
            .Contain($"exporter: error: config file {file}: line 3, column 12: push.receivers[0].url: not an absolute http:// or https:// URL").And
            .Contain($"exporter: error: config file {file}: line 5, column 9: Property 'password' not found in push.receivers[0].basic_auth; use password_file");
        host.Output.Should().NotContain(Secret);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
