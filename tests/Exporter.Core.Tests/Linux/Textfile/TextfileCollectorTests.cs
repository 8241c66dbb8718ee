using Exporter.Core.Linux;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exporter.Core.Tests.Linux.Textfile;

public sealed class TextfileCollectorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("textfile-test").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Without_a_directory_reports_only_no_error()
    {
        var metrics = await Fixtures.CollectAsync(Collector(null));
        metrics.Should().Equal(new Dictionary<string, double> { ["node_textfile_scrape_error"] = 0 });
    }

    [Fact]
    public async Task Fixture_directory_merges_good_files_and_flags_the_broken_one()
    {
        var directory = Path.Join(Fixtures.Root, "textfile");
        var families = await Fixtures.CollectByFamilyAsync(Collector(directory));

        families["node_textfile_scrape_error"][string.Empty].Should().Be(1, "broken.prom does not parse");
        families["node_textfile_mtime_seconds"].Keys.Select(Path.GetFileName).Should().BeEquivalentTo("backup.prom", "durations.prom", "rotate.prom");
        families.Should().NotContainKey("broken_metric").And.NotContainKey("this_is_not_read");
        families["jobs_completed_total"].Should().Equal(new Dictionary<string, double> { ["backup"] = 42, ["rotate"] = 7 });
        families["backup_last_success_timestamp_seconds"].Should().Equal(
            new Dictionary<string, double> { ["db|"] = 1.7e9, ["files|cold"] = 1699990000 });
        families["logrotate_files"]["a\\b \"q\"\nnext"].Should().Be(double.NaN);
        families["logrotate_free_ratio"][string.Empty].Should().Be(double.PositiveInfinity);
        families["backup_duration_seconds"].Should().Equal(new Dictionary<string, double>
        {
            ["db_bucket|60"] = 3, ["db_bucket|300"] = 9, ["db_bucket|Infinity"] = 10, ["db_sum"] = 1234.5, ["db_count"] = 10,
            ["files_bucket|60"] = 0, ["files_bucket|300"] = 1, ["files_bucket|Infinity"] = 2, ["files_sum"] = 700, ["files_count"] = 2,
        });
        families["backup_size_bytes"].Should().Equal(new Dictionary<string, double>
        {
            ["|0.5"] = 1.5e9, ["|0.99"] = 2.25e9, ["_sum"] = 1.6e10, ["_count"] = 10,
        });
    }

    [Fact]
    public async Task Sorts_label_names_and_samples_and_names_the_files_in_the_default_help()
    {
        Write("a.prom", "m{z=\"2\",a=\"x\"} 1\nm{a=\"b\"} 2\n");
        Write("b.prom", "m{a=\"a\"} 3\n");
        var family = (await FamiliesAsync())["m"];
        family.Descriptor.LabelNames.Should().Equal("a", "z");
        family.Descriptor.Help.Should().Be($"Metric read from {Path.Join(_directory, "a.prom")}, {Path.Join(_directory, "b.prom")}");
        family.Samples.Select(s => string.Join('|', s.LabelValues)).Should().Equal("a|", "b|", "x|2");
    }

    [Theory]
    [InlineData("# TYPE m counter\nm 1\n", "# TYPE m gauge\nm{x=\"1\"} 1\n")]
    [InlineData("# HELP m One.\nm 1\n", "# HELP m Two.\nm{x=\"1\"} 1\n")]
    [InlineData("m{x=\"1\"} 1\n", "m{x=\"1\"} 2\n")]
    public async Task A_family_that_clashes_with_an_earlier_file_is_dropped_and_an_error(string first, string second)
    {
        Write("a.prom", first + "other 5\n");
        Write("b.prom", second + "kept 6\n");
        var metrics = await Fixtures.CollectAsync(Collector(_directory));

        metrics["node_textfile_scrape_error"].Should().Be(1);
        metrics.Keys.Where(k => k.StartsWith('m')).Should().ContainSingle();
        metrics.Should().ContainKey("other").And.ContainKey("kept");
    }

    [Fact]
    public async Task A_file_with_timestamps_is_dropped_whole()
    {
        Write("ts.prom", "a 1\nb 2 1700000000000\n");
        Write("ok.prom", "c 3\n");
        var metrics = await Fixtures.CollectAsync(Collector(_directory));

        metrics.Keys.Should().BeEquivalentTo(
            "node_textfile_scrape_error", $"node_textfile_mtime_seconds{{{Path.Join(_directory, "ok.prom")}}}", "c");
        metrics["node_textfile_scrape_error"].Should().Be(1);
    }

    [Fact]
    public async Task Histograms_merge_across_files_and_keep_client_golang_order()
    {
        Write("a.prom", "# TYPE h histogram\nh_count{job=\"b\"} 2\nh_sum{job=\"b\"} 3\nh_bucket{job=\"b\",le=\"+Inf\"} 2\nh_bucket{job=\"b\",le=\"1\"} 1\n");
        Write("b.prom", "# TYPE h histogram\nh_bucket{job=\"a\",le=\"+Inf\"} 0\nh_sum{job=\"a\"} 0\nh_count{job=\"a\"} 0\n");
        var families = await FamiliesAsync();

        var family = families["h"];
        family.Descriptor.Type.Should().Be(Exporter.Core.Exposition.MetricType.Histogram);
        family.Descriptor.LabelNames.Should().Equal("job");
        family.Samples.Select(s => $"{s.LabelValues[0]}{s.Suffix}{s.Bound?.ToString(System.Globalization.CultureInfo.InvariantCulture)} {s.Value}").Should().Equal(
            "a_bucketInfinity 0", "a_sum 0", "a_count 0", "b_bucket1 1", "b_bucketInfinity 2", "b_sum 3", "b_count 2");
        families["node_textfile_scrape_error"].Samples.Single().Value.Should().Be(0);
    }

    [Fact]
    public async Task A_histogram_bucket_repeated_in_another_file_drops_that_file_s_family()
    {
        Write("a.prom", "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n");
        Write("b.prom", "# TYPE h histogram\nh_bucket{le=\"1.0\"} 5\nh_sum 5\nh_count 5\n");
        var metrics = await Fixtures.CollectAsync(Collector(_directory));

        metrics["node_textfile_scrape_error"].Should().Be(1);
        metrics.Values.Should().NotContain(5);
    }

    [Fact]
    public async Task A_missing_directory_is_an_error()
    {
        var metrics = await Fixtures.CollectAsync(Collector(Path.Join(_directory, "missing")));
        metrics.Should().Equal(new Dictionary<string, double> { ["node_textfile_scrape_error"] = 1 });
    }

    [Fact]
    public async Task Exports_the_file_mtime_in_seconds()
    {
        var path = Write("a.prom", "a 1\n");
        File.SetLastWriteTimeUtc(path, new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc));
        var metrics = await Fixtures.CollectAsync(Collector(_directory));
        metrics[$"node_textfile_mtime_seconds{{{path}}}"].Should().Be(1714564800);
        metrics["node_textfile_scrape_error"].Should().Be(0);
    }

    [Fact]
    public async Task Follows_a_symlinked_file_and_reports_its_target_mtime()
    {
        var target = Path.Join(_directory, "target.txt");
        File.WriteAllText(target, "linked_metric 9\n");
        File.SetLastWriteTimeUtc(target, new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc));
        var link = Path.Join(_directory, "linked.prom");
        File.CreateSymbolicLink(link, target);

        var metrics = await Fixtures.CollectAsync(Collector(_directory));
        metrics["linked_metric"].Should().Be(9);
        metrics[$"node_textfile_mtime_seconds{{{link}}}"].Should().Be(1714564800);
    }

    [Fact]
    public async Task A_dangling_symlink_is_an_error_and_the_other_files_stay()
    {
        File.CreateSymbolicLink(Path.Join(_directory, "dangling.prom"), Path.Join(_directory, "gone"));
        Write("ok.prom", "c 3\n");
        var metrics = await Fixtures.CollectAsync(Collector(_directory));
        metrics["node_textfile_scrape_error"].Should().Be(1);
        metrics["c"].Should().Be(3);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_an_error()
    {
        using (var stream = File.Create(Path.Join(_directory, "big.prom")))
        {
            stream.SetLength(TextfileOptions.MaxFileBytes + 1);
        }

        var metrics = await Fixtures.CollectAsync(Collector(_directory));
        metrics.Should().Equal(new Dictionary<string, double> { ["node_textfile_scrape_error"] = 1 });
    }

    /// <summary>The families one collection of the test directory gives, by name, with their descriptors and sample parts.</summary>
    private async Task<Dictionary<string, Exporter.Core.Exposition.MetricFamily>> FamiliesAsync()
    {
        var sink = new Exporter.Core.Exposition.MetricSink();
        await Collector(_directory).CollectAsync(sink, CancellationToken.None);
        return sink.Families.ToDictionary(f => f.Descriptor.Name);
    }

    private static TextfileCollector Collector(string? directory) =>
        new(new TextfileOptions { Directory = directory }, NullLogger.Instance);

    private string Write(string name, string text)
    {
        var path = Path.Join(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
