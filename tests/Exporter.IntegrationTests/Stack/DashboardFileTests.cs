using System.Text.Json;
using System.Text.RegularExpressions;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Stack;

/// <summary>
/// Grafana cannot run here, so its dashboards are checked for what Grafana needs to load them:
/// valid JSON, the seeds' views, unique uids and panel ids, data sources that the provisioning
/// defines, variables that exist, 10 s refresh and the seeds' time ranges.
/// </summary>
public sealed partial class DashboardFileTests
{
    public static TheoryData<string> Files => [.. Dashboards.Files];

    [Fact]
    public void Dashboards_are_the_seeds_views_with_unique_uids()
    {
        var dashboards = Dashboards.Files.Select(Dashboards.Load).ToList();

        dashboards.Select(d => d.GetProperty("title").GetString()).Should()
            .BeEquivalentTo(["Overview", "CPU", "Memory", "Disk", "Network", "Processes", "Containers", "Databases"]);
        dashboards.Select(d => d.GetProperty("uid").GetString()).Should().OnlyHaveUniqueItems().And.NotContainNulls();
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Dashboard_has_what_grafana_needs(string file)
    {
        var dashboard = Dashboards.Load(file);

        dashboard.GetProperty("schemaVersion").GetInt32().Should().BeGreaterThan(30);
        dashboard.GetProperty("refresh").GetString().Should().Be("10s");
        dashboard.GetProperty("timepicker").GetProperty("time_options").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("1h", "6h", "24h", "7d", "30d");
        Variables(dashboard).Should().Contain(["job", "instance"]);

        var panels = Dashboards.Panels(dashboard).ToList();
        panels.Should().NotBeEmpty();
        panels.Select(p => p.GetProperty("id").GetInt32()).Should().OnlyHaveUniqueItems();
        foreach (var panel in panels)
        {
            panel.GetProperty("type").GetString().Should().NotBeNullOrEmpty();
            panel.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
            var grid = panel.GetProperty("gridPos");
            (grid.GetProperty("x").GetInt32() + grid.GetProperty("w").GetInt32()).Should().BeLessThanOrEqualTo(24);
            if (panel.GetProperty("type").GetString() != "row")
            {
                panel.GetProperty("targets").GetArrayLength().Should().BePositive(panel.GetProperty("title").GetString());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Queries_use_provisioned_data_sources_and_defined_variables(string file)
    {
        var dashboard = Dashboards.Load(file);
        var provisioned = Dashboards.ProvisionedDataSources();
        var variables = Variables(dashboard).ToHashSet(StringComparer.Ordinal);
        var tiers = variables.Contains("tier") ? LiveStack.TierNames : ["1m"];

        foreach (var (uid, expr) in Dashboards.Panels(dashboard).SelectMany(Dashboards.Queries))
        {
            foreach (var tier in tiers)
            {
                var resolved = Dashboards.Substitute(uid, "x", tier);
                provisioned.Should().ContainKey(resolved, $"{file} queries data source '{uid}'");
                provisioned[resolved].Should().Be("prometheus");
            }

            foreach (var name in VariableUse().Matches(expr).Select(m => m.Groups[1].Value))
            {
                (name.StartsWith("__", StringComparison.Ordinal) || variables.Contains(name)).Should().BeTrue($"{file} uses ${name} in {expr}");
            }
        }
    }

    [Fact]
    public void Provisioning_points_grafana_at_the_dashboards_compose_mounts()
    {
        var provider = Yaml.Load(RepoPaths.Combine("grafana", "provisioning", "dashboards", "dashboards.yml")).Maps("providers").Single();
        var grafana = Yaml.Load(RepoPaths.Combine("docker-compose.yml")).Map("services").Map("grafana");

        grafana.List("volumes").Should().Contain("./grafana/dashboards:" + provider.Map("options").Text("path") + ":ro");
        Dashboards.ProvisionedDataSources().Should().Contain(new Dictionary<string, string>
        {
            ["prometheus"] = "prometheus", ["vm-1m"] = "prometheus", ["vm-5m"] = "prometheus", ["vm-1h"] = "prometheus", ["alertmanager"] = "alertmanager",
        });
    }

    private static IEnumerable<string> Variables(JsonElement dashboard) =>
        dashboard.GetProperty("templating").GetProperty("list").EnumerateArray().Select(v => v.GetProperty("name").GetString()!);

    [GeneratedRegex(@"\$\{?(\w+)")]
    private static partial Regex VariableUse();
}
