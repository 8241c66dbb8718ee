using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Stack;

/// <summary>
/// The shipped Prometheus configuration and rules, checked by Prometheus' own promtool: the
/// configuration and every rule file are valid, and the unit tests in prometheus/tests pass (each
/// alert quiet below its threshold, pending until its `for`, firing after, resolved; each tier and
/// node-mixin rule exact on synthetic series).
/// </summary>
public sealed class PromtoolTests
{
    private static readonly string PrometheusDir = RepoPaths.Combine("prometheus");

    [Fact]
    public void Config_and_its_rule_files_are_valid()
    {
        var (exitCode, output) = Cli.RunIn(PrometheusDir, "promtool", "check", "config", "prometheus.yml");

        exitCode.Should().Be(0, output);
        output.Should().Contain("SUCCESS: 3 rule files found");
        output.Should().NotContain("WARNING");
    }

    [Theory]
    [InlineData("alerts.rules.yml")]
    [InlineData("tiers.rules.yml")]
    [InlineData("node-mixin.rules.yml")]
    public void Rule_file_is_valid(string file)
    {
        var (exitCode, output) = Cli.RunIn(PrometheusDir, "promtool", "check", "rules", Path.Join("rules", file));

        exitCode.Should().Be(0, output);
        output.Should().Contain("SUCCESS");
    }

    [Theory]
    [InlineData("alerts.test.yml")]
    [InlineData("tiers.test.yml")]
    [InlineData("node-mixin.test.yml")]
    public void Rule_unit_tests_pass(string file)
    {
        var (exitCode, output) = Cli.RunIn(PrometheusDir, "promtool", "test", "rules", Path.Join("tests", file));

        exitCode.Should().Be(0, output);
        output.Should().Contain("SUCCESS");
    }

    [Fact]
    public void Every_alert_and_every_tier_rule_has_a_unit_test()
    {
        var alertTests = File.ReadAllText(Path.Join(PrometheusDir, "tests", "alerts.test.yml"));
        var tierTests = File.ReadAllText(Path.Join(PrometheusDir, "tests", "tiers.test.yml"));
        var mixinTests = File.ReadAllText(Path.Join(PrometheusDir, "tests", "node-mixin.test.yml"));

        RuleNames("alerts.rules.yml", "alert").Should().OnlyContain(name => alertTests.Contains("alertname: " + name + "\n", StringComparison.Ordinal));
        RuleNames("tiers.rules.yml", "record").Should().OnlyContain(name => tierTests.Contains("- expr: " + name + "\n", StringComparison.Ordinal));
        RuleNames("node-mixin.rules.yml", "record").Should().OnlyContain(name => mixinTests.Contains("- expr: " + name + "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_alert_has_summary_description_severity_and_a_runbook_entry()
    {
        var runbook = File.ReadAllText(RepoPaths.Combine("docs", "runbook.md"));
        var rules = Yaml.Load(Path.Join(PrometheusDir, "rules", "alerts.rules.yml")).Maps("groups").SelectMany(g => g.Maps("rules"));

        foreach (var rule in rules)
        {
            var name = rule.Text("alert");
            rule.Map("labels").Text("severity").Should().BeOneOf("warning", "critical");
            var annotations = rule.Map("annotations");
            annotations.Text("summary").Should().Contain("{{ $labels.", because: name + " names what it is about");
            annotations.Text("description").Should().NotBeEmpty();
            annotations.Text("runbook").Should().Be("docs/runbook.md#" + name.ToLowerInvariant());
            runbook.Should().Contain("## " + name + "\n", because: "every alert has a runbook entry");
        }
    }

    private static IEnumerable<string> RuleNames(string file, string kind) =>
        Yaml.Load(Path.Join(PrometheusDir, "rules", file)).Maps("groups")
            .SelectMany(g => g.Maps("rules"))
            .Select(r => r.TryGetValue(kind, out var name) ? (string)name : throw new InvalidOperationException($"{file}: a rule without '{kind}'"))
            .Distinct()
            .ToList();
}
