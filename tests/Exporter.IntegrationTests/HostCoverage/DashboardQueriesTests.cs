using Exporter.TestSupport;

namespace Exporter.IntegrationTests.HostCoverage;

/// <summary>The pieces of the dashboard test that need no server: variables, metric names, the exceptions file.</summary>
public sealed class DashboardQueriesTests
{
    private static readonly Dictionary<string, string> Variables = new(StringComparer.Ordinal)
    {
        ["job"] = "exporter",
        ["node"] = "127.0.0.1:9800",
        ["nodename"] = "web1",
        ["__rate_interval"] = "4s",
    };

    [Theory]
    [InlineData("rate(x{instance=\"$node\",job=\"$job\"}[$__rate_interval])", "rate(x{instance=\"127.0.0.1:9800\",job=\"exporter\"}[4s])")]
    [InlineData("x{nodename=\"$nodename\",instance=\"$node\"}", "x{nodename=\"web1\",instance=\"127.0.0.1:9800\"}")]
    [InlineData("x{job=\"${job}\",a=\"${job:raw}\",b=\"[[job]]\"}", "x{job=\"exporter\",a=\"exporter\",b=\"exporter\"}")]
    [InlineData("x{a=\"$unknown\"}", "x{a=\"$unknown\"}")]
    public void Substitutes_grafana_variables(string expr, string expected) =>
        DashboardQueries.Substitute(expr, Variables).Should().Be(expected);

    [Fact]
    public void Finds_the_metric_names_a_query_reads() =>
        DashboardQueries.MetricNames("node_memory_MemTotal_bytes{job=\"node\"} - node_memory_MemFree_bytes - on() process_open_fds")
            .Should().Equal("node_memory_MemTotal_bytes", "node_memory_MemFree_bytes", "process_open_fds");

    [Fact]
    public void The_documented_exceptions_each_have_a_reason()
    {
        var exceptions = DashboardExceptions.Load(RepoPaths.Combine("docs", "dashboard-compatibility.md"));

        // The textfile collector fills the last panel that used to be an exception.
        exceptions.Should().NotContainKey("node_textfile_scrape_error");
        exceptions.Values.Should().NotContain(reason => reason.Length <= 20);
    }

    [Fact]
    public void An_exception_without_a_reason_is_rejected()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "## Exceptions\n\n| metric | why |\n| --- | --- |\n| `node_x` |  |\n");
            var act = () => DashboardExceptions.Load(file);
            act.Should().Throw<FormatException>().WithMessage("*node_x*");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
