using System.Text.RegularExpressions;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Stack;

/// <summary>
/// alertmanager/alertmanager.yml checked by Alertmanager's own amtool: valid, each kind of alert
/// routed to the right receiver, templates that render, the seeds' 5-minute duplicate suppression,
/// and no secret written in the file.
/// </summary>
public sealed partial class AlertmanagerConfigTests
{
    private static readonly string ConfigFile = RepoPaths.Combine("alertmanager", "alertmanager.yml");

    [Fact]
    public void Config_is_valid()
    {
        var (exitCode, output) = Cli.Run("amtool", "check-config", ConfigFile);

        exitCode.Should().Be(0, output);
        output.Should().Contain("SUCCESS").And.Contain("3 receivers").And.Contain("1 inhibit rules").And.Contain("1 templates");
    }

    [Theory]
    [InlineData("critical", "alertname=HostHighCpuUsage", "severity=critical", "instance=web1:9800")]
    [InlineData("critical", "alertname=ExporterDown", "severity=critical", "instance=web1:9800")]
    [InlineData("critical", "alertname=DatabaseDown", "severity=critical", "database=postgresql")]
    [InlineData("warning", "alertname=HostHighCpuUsage", "severity=warning", "instance=web1:9800")]
    [InlineData("warning", "alertname=HostDiskSpaceLow", "severity=warning", "mountpoint=/")]
    [InlineData("warning", "alertname=ContainerRestarting", "severity=warning", "name=api")]
    [InlineData("webhook", "alertname=Watchdog")]
    [InlineData("webhook", "alertname=Custom", "severity=info")]
    public void Alert_is_routed_to_its_receiver(string receiver, params string[] labels)
    {
        var (exitCode, output) = Cli.Run("amtool", ["config", "routes", "test", "--config.file=" + ConfigFile, "--verify.receivers=" + receiver, .. labels]);

        exitCode.Should().Be(0, output);
        // stdout (the resolved receiver) comes before stderr in Cli's output.
        output.Split('\n')[0].Should().Be(receiver);
    }

    [Fact]
    public void A_wrong_expectation_fails_so_the_route_tests_can_fail()
    {
        var (exitCode, output) = Cli.Run("amtool", "config", "routes", "test", "--config.file=" + ConfigFile, "--verify.receivers=critical", "severity=warning");

        exitCode.Should().NotBe(0, output);
    }

    [Fact]
    public void Repeated_notifications_come_no_sooner_than_five_minutes()
    {
        var route = Yaml.Load(ConfigFile).Map("route");
        route.List("group_by").Should().Equal("alertname", "instance");

        foreach (var node in Routes(route))
        {
            foreach (var key in new[] { "group_interval", "repeat_interval" })
            {
                if (node.TryGetValue(key, out var value))
                {
                    Duration((string)value).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMinutes(5), key);
                }
            }
        }
    }

    [Fact]
    public void Critical_inhibits_warning_of_the_same_kind_on_the_same_instance()
    {
        var rule = Yaml.Load(ConfigFile).Maps("inhibit_rules").Should().ContainSingle().Subject;

        rule.List("source_matchers").Should().Equal("severity=\"critical\"");
        rule.List("target_matchers").Should().Equal("severity=\"warning\"");
        rule.List("equal").Should().Contain(["alertname", "instance"]);
    }

    [Fact]
    public void Secrets_are_read_from_files_only()
    {
        var text = File.ReadAllText(ConfigFile);

        // Alertmanager's secret fields; each has a *_file twin, which is the only form allowed here.
        SecretField().Matches(text).Should().BeEmpty();
        text.Should().Contain("smtp_auth_password_file:").And.Contain("slack_api_url_file:").And.Contain("credentials_file:");
    }

    [Theory]
    [InlineData("exporter.slack.title")]
    [InlineData("exporter.slack.text")]
    [InlineData("exporter.email.subject")]
    [InlineData("exporter.email.html")]
    public void Template_renders(string name)
    {
        var (exitCode, output) = Cli.Run("amtool", "template", "render",
            "--template.glob=" + RepoPaths.Combine("alertmanager", "templates", "*.tmpl"),
            "--template.text={{ template \"" + name + "\" . }}");

        exitCode.Should().Be(0, output);
        output.Should().NotBeNullOrWhiteSpace().And.NotContain("<no value>");
    }

    private static IEnumerable<Dictionary<object, object>> Routes(Dictionary<object, object> route) =>
        route.TryGetValue("routes", out var children)
            ? ((List<object>)children).Cast<Dictionary<object, object>>().SelectMany(Routes).Prepend(route)
            : [route];

    private static TimeSpan Duration(string text)
    {
        var match = DurationText().Match(text);
        match.Success.Should().BeTrue($"'{text}' is a duration");
        var amount = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
    }

    [GeneratedRegex(@"^(\d+)(s|m|h|d)$")]
    private static partial Regex DurationText();

    [GeneratedRegex(@"^\s*(smtp_auth_password|smtp_auth_secret|slack_api_url|api_url|api_key|routing_key|service_key|password|credentials|bot_token|url_secret):", RegexOptions.Multiline)]
    private static partial Regex SecretField();
}
