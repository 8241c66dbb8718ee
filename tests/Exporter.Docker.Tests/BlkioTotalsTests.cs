using System.Text.Json;
using Docker.DotNet.Models;

namespace Exporter.Docker.Tests;

public sealed class BlkioTotalsTests
{
    [Fact]
    public void Cgroup_v1_sums_read_and_write_per_device_and_ignores_the_repeating_ops()
    {
        // blkio.throttle.io_service_bytes as the engine sends it on cgroup v1.
        const string Json = """
            {"blkio_stats": {"io_service_bytes_recursive": [
              {"major": 8, "minor": 0, "op": "Read", "value": 4096},
              {"major": 8, "minor": 0, "op": "Write", "value": 8192},
              {"major": 8, "minor": 0, "op": "Sync", "value": 12288},
              {"major": 8, "minor": 0, "op": "Async", "value": 0},
              {"major": 8, "minor": 0, "op": "Total", "value": 12288},
              {"major": 253, "minor": 1, "op": "Write", "value": 100}]}}
            """;

        BlkioTotals.From(Stats(Json).BlkioStats).Should().Equal(
            new BlkioTotals("253:1", 0, 100),
            new BlkioTotals("8:0", 4096, 8192));
    }

    [Fact]
    public void Cgroup_v2_reports_lowercase_ops()
    {
        const string Json = """
            {"blkio_stats": {"io_service_bytes_recursive": [
              {"major": 259, "minor": 0, "op": "read", "value": 1048576},
              {"major": 259, "minor": 0, "op": "write", "value": 2097152}]}}
            """;

        BlkioTotals.From(Stats(Json).BlkioStats).Should().Equal(new BlkioTotals("259:0", 1048576, 2097152));
    }

    [Fact]
    public void Nothing_reported_is_no_devices()
    {
        BlkioTotals.From(Stats(FakeEngine.Fixture("stats-burner.json")).BlkioStats).Should().BeEmpty();
        BlkioTotals.From(Stats("""{"blkio_stats": {"io_service_bytes_recursive": null}}""").BlkioStats).Should().BeEmpty();
        BlkioTotals.From(null).Should().BeEmpty();
    }

    // The engine's JSON read into Docker.DotNet's model, as its client does (reflection is fine in a test).
    private static ContainerStatsResponse Stats(string json) => JsonSerializer.Deserialize<ContainerStatsResponse>(json)!;
}
