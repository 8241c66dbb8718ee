using System.Text.Json;
using Exporter.Core.Exposition;
using Exporter.Host.Status;
using static Exporter.Core.Tests.Host.Status.Families;

namespace Exporter.Core.Tests.Host.Status;

public sealed class StatusBuilderTests
{
    [Fact]
    public void Failing_collectors_carry_their_error_without_secrets()
    {
        var errors = new Dictionary<string, string> { ["docker"] = "connect to tcp://admin:hunter2@10.0.0.5:2376 failed; token=abc123" };
        var reading = At(0, errors,
            Of("node_scrape_collector_success", MetricType.Gauge, ["collector"], (["cpu"], 1), (["docker"], 0)),
            Of("node_scrape_collector_duration_seconds", MetricType.Gauge, ["collector"], (["cpu"], 0.0012345678), (["docker"], 5)));

        var document = StatusBuilder.Build(reading, null, TimeSpan.FromSeconds(10), StatusHistory.Empty(900));

        document.Collectors.Should().Equal(
            new CollectorStatus("cpu", true, 0.001235, null),
            new CollectorStatus("docker", false, 5, "connect to tcp://***@10.0.0.5:2376 failed; token=***"));
    }

    [Fact]
    public void The_headline_adds_both_directions_of_every_device_but_loopback()
    {
        MetricFamily[] Counters(double bytes) =>
        [
            Of("node_disk_read_bytes_total", MetricType.Counter, ["device"], (["sda"], bytes), (["sdb"], bytes)),
            Of("node_disk_written_bytes_total", MetricType.Counter, ["device"], (["sda"], bytes), (["sdb"], 0)),
            Of("node_network_receive_bytes_total", MetricType.Counter, ["device"], (["eth0"], bytes), (["lo"], bytes * 100)),
            Of("node_network_transmit_bytes_total", MetricType.Counter, ["device"], (["eth0"], bytes), (["lo"], bytes * 100)),
        ];

        var document = StatusBuilder.Build(At(10, Counters(1000)), At(0, Counters(0)), TimeSpan.FromSeconds(10), StatusHistory.Empty(900));
        var point = StatusBuilder.Headline(document);

        point.DiskBytesPerSecond.Should().Be(300);
        point.NetworkBytesPerSecond.Should().Be(200);
        point.CpuBusyPercent.Should().BeNull("the cpu collector gave nothing");
        point.At.Should().Be(Start.AddSeconds(10));
    }

    [Fact]
    public void The_document_serializes_to_the_documented_camel_case_shape_with_nulls_written()
    {
        var document = StatusBuilder.Build(At(0.0004, Gauge("node_load1", 1.5)), null, TimeSpan.FromSeconds(10), StatusHistory.Empty(900));

        using var json = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(document, StatusJsonContext.Default.StatusDocument));
        var root = json.RootElement;

        root.GetProperty("version").GetInt32().Should().Be(1);
        root.GetProperty("sampledAt").GetString().Should().Be("2026-11-27T12:00:00+00:00", "times are whole milliseconds");
        root.GetProperty("refreshSeconds").GetDouble().Should().Be(10);
        root.GetProperty("host").GetProperty("load").GetProperty("load1").GetDouble().Should().Be(1.5);
        root.GetProperty("host").GetProperty("memory").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("containers").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("history").GetProperty("cpuBusyPercent").GetArrayLength().Should().Be(0);
    }
}
