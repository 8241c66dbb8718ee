using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Exporter.Core.Exposition;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.HostCoverage;

/// <summary>
/// The textfile collector next to node_exporter 1.5's on the same directory (the unit-test fixture:
/// three good files, one with a histogram and a summary, one broken, one that is not *.prom): the
/// same families, with the same type, HELP, label sets and values, node_textfile_mtime_seconds and
/// node_textfile_scrape_error included. node_exporter's answer is read by a parser that is not ours,
/// the Prometheus Python client's (Debian's python3-prometheus-client), and ours by our strict
/// parser, so a flaw shared by our writer and our parser cannot hide.
/// </summary>
public sealed class TextfileSideBySideTests
{
    private static readonly string Directory = RepoPaths.Combine("tests", "Exporter.Core.Tests", "fixtures", "textfile");

    // Reads an exposition on stdin with prometheus_client's parser; one JSON line per sample.
    private const string PythonParser = """
        import json, sys
        from prometheus_client.parser import text_string_to_metric_families
        for family in text_string_to_metric_families(sys.stdin.read()):
            for sample in family.samples:
                print(json.dumps([family.type, family.documentation, sample.name, sample.labels, repr(sample.value)]))
        """;

    [Fact]
    public async Task Textfile_families_match_node_exporter()
    {
        string[] flags = ["--collector.disable-defaults", "--collector.textfile", $"--collector.textfile.directory={Directory}"];
        using var node = await NodeExporterProcess.StartAsync([.. flags, "--web.disable-exporter-metrics"]);
        using var host = await HostProcess.StartAsync(flags);

        using var client = new HttpClient();
        var theirs = Textfile(await ParseWithPythonAsync(await client.GetStringAsync(node.MetricsUri)));
        var ours = Textfile(Ours(await host.GetMetricsAsync()));

        theirs.Select(s => s.Split('|')[2]).Should().Contain(
            ["jobs_completed_total", "backup_duration_seconds_bucket", "backup_duration_seconds_count", "backup_size_bytes", "node_textfile_scrape_error", "node_textfile_mtime_seconds"]);
        theirs.Should().Contain("gauge|1 if there was an error opening or reading a file, 0 otherwise|node_textfile_scrape_error||1");
        ours.Should().Equal(theirs);
    }

    [Fact]
    public async Task The_python_parser_reads_types_help_bounds_and_values()
    {
        // The reference side must be able to tell a difference: it reads what it is given.
        var samples = Textfile(await ParseWithPythonAsync(
            "# HELP h_seconds H.\n# TYPE h_seconds histogram\nh_seconds_bucket{le=\"0.5\"} 1\nh_seconds_bucket{le=\"+Inf\"} 2\nh_seconds_sum 3\nh_seconds_count 2\n# TYPE c_total counter\nc_total{a=\"x\"} 7\nu NaN\n"));

        samples.Should().Equal(
            "counter||c_total|a=x|7",
            "histogram|H.|h_seconds_bucket|le=+Inf|2",
            "histogram|H.|h_seconds_bucket|le=0.5|1",
            "histogram|H.|h_seconds_count||2",
            "histogram|H.|h_seconds_sum||3",
            "untyped||u||NaN");
    }

    private sealed record Parsed(string Type, string Help, string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    private static async Task<List<Parsed>> ParseWithPythonAsync(string exposition)
    {
        var info = new ProcessStartInfo(Tools.Require("/usr/bin/python3"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(PythonParser);
        using var python = Process.Start(info)!;
        var stdout = python.StandardOutput.ReadToEndAsync();
        var stderr = python.StandardError.ReadToEndAsync();
        await python.StandardInput.WriteAsync(exposition);
        python.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await python.WaitForExitAsync(timeout.Token);
        python.ExitCode.Should().Be(0, "python3 with prometheus_client (python3-prometheus-client; scripts/test.sh installs it) parses the text: {0}", await stderr);

        return [.. (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var a = json.RootElement;
            var type = a[0].GetString()!;
            return new Parsed(
                type == "unknown" ? "untyped" : type,
                a[1].GetString()!,
                a[2].GetString()!,
                a[3].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
                Number(a[4].GetString()!));
        })];
    }

    /// <summary>Our parser's families as the same samples: the le or quantile bound back among the labels.</summary>
    private static List<Parsed> Ours(string exposition) =>
    [
        .. TextFormatParser.Parse(exposition).SelectMany(f => f.Samples.Select(s => new Parsed(
            f.Type.ToString().ToLowerInvariant(),
            f.Help ?? string.Empty,
            f.Name + s.Suffix,
            s.Bound is { } bound
                ? s.Labels.Append(new(s.Suffix == "_bucket" ? "le" : "quantile", Format(bound))).ToDictionary(StringComparer.Ordinal)
                : s.Labels.ToDictionary(StringComparer.Ordinal),
            s.Value))),
    ];

    /// <summary>"type|help|sample|labels|value" per sample, sorted, leaving out the scrape's and the program's own families.</summary>
    private static List<string> Textfile(List<Parsed> samples) =>
    [
        .. samples
            .Where(s => !s.Name.StartsWith("node_scrape_", StringComparison.Ordinal) && !s.Name.StartsWith("node_exporter_", StringComparison.Ordinal)
                && !s.Name.StartsWith("exporter_", StringComparison.Ordinal) && !s.Name.StartsWith("promhttp_", StringComparison.Ordinal))
            .Select(s => $"{s.Type}|{s.Help}|{s.Name}|{string.Join(',', s.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={Canonical(l)}"))}|{Format(s.Value)}")
            .Order(StringComparer.Ordinal),
    ];

    // A bound is a number however it was spelled ("60", "6e1", "+Inf").
    private static string Canonical(KeyValuePair<string, string> label) =>
        label.Key is "le" or "quantile" ? Format(Number(label.Value)) : label.Value;

    private static double Number(string text) => text.ToLowerInvariant() switch
    {
        "+inf" or "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" => double.NaN,
        var s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static string Format(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
