using Exporter.Core.Exposition;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.HostCoverage;

/// <summary>
/// The textfile collector next to node_exporter 1.5's on the same directory (the unit-test fixture:
/// three good files, one with a histogram and a summary, one broken, one that is not *.prom): the same families, with the same type, HELP,
/// label sets and values, node_textfile_mtime_seconds and node_textfile_scrape_error included. Both
/// outputs are read with our strict parser, so each must also be valid text format.
/// </summary>
public sealed class TextfileSideBySideTests
{
    private static readonly string Directory = RepoPaths.Combine("tests", "Exporter.Core.Tests", "fixtures", "textfile");

    [Fact]
    public async Task Textfile_families_match_node_exporter()
    {
        string[] flags = ["--collector.disable-defaults", "--collector.textfile", $"--collector.textfile.directory={Directory}"];
        using var node = await NodeExporterProcess.StartAsync([.. flags, "--web.disable-exporter-metrics"]);
        using var host = await HostProcess.StartAsync(flags);

        using var client = new HttpClient();
        var theirs = Textfile(await client.GetStringAsync(node.MetricsUri));
        var ours = Textfile(await host.GetMetricsAsync());

        theirs.Keys.Should().Contain(["jobs_completed_total", "backup_duration_seconds", "backup_size_bytes", "node_textfile_scrape_error", "node_textfile_mtime_seconds"]);
        theirs["node_textfile_scrape_error"].Should().Be("gauge|1 if there was an error opening or reading a file, 0 otherwise||||1");
        ours.Should().Equal(theirs);
    }

    /// <summary>Family name → "type|help|samples" (each sample as sorted labels and value, sorted), leaving out the scrape's own families.</summary>
    private static Dictionary<string, string> Textfile(string exposition) =>
        TextFormatParser.Parse(exposition)
            .Where(f => !f.Name.StartsWith("node_scrape_", StringComparison.Ordinal) && !f.Name.StartsWith("node_exporter_", StringComparison.Ordinal)
                && !f.Name.StartsWith("exporter_", StringComparison.Ordinal) && !f.Name.StartsWith("promhttp_", StringComparison.Ordinal))
            .ToDictionary(
                f => f.Name,
                f => $"{f.Type.ToString().ToLowerInvariant()}|{f.Help}|{string.Join(';', f.Samples.Select(Sample).Order(StringComparer.Ordinal))}",
                StringComparer.Ordinal);

    private static string Sample(TextSample sample) =>
        sample.Suffix + "|" + sample.Bound?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "|"
        + string.Join(',', sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"))
        + "|" + sample.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
