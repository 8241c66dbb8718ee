using Exporter.IntegrationTests.Docker;
using Exporter.TestSupport;
using Xunit.Abstractions;

namespace Exporter.IntegrationTests.Status;

/// <summary>The status page following real containers and databases as they change under it.</summary>
public sealed class StatusScenarioTests(StatusScenario scenario, ITestOutputHelper output) : IClassFixture<StatusScenario>
{
    private static readonly TimeSpan NextRefresh = TimeSpan.FromSeconds(30);

    private Browser Browser => scenario.Browser;

    [Fact]
    public async Task A_container_started_after_the_page_opened_appears_at_the_next_refresh()
    {
        StatusPage.OpenAndWaitForRefresh(Browser, scenario.Url("/"));
        Browser.WaitUntil(() => ContainerState("web") == "running", NextRefresh, "the containers there from the start");
        ContainerState("late").Should().BeNull();
        Keep(Browser.Screenshot("containers-before"));

        await scenario.Engine.DockerAsync("run", "-d", "--init", "--name", "late", DockerEngine.Image, "sleep", "3600");

        Browser.WaitUntil(() => ContainerState("late") == "running", NextRefresh, "the new container on the page");
        Browser.Script<string>("return [...document.querySelectorAll('table[aria-labelledby=\"h-ct\"] tbody tr')].find(r => r.cells[0].firstChild.textContent.trim() === 'late').cells[1].textContent;")
            .Should().Be(DockerEngine.Image);
        Browser.ConsoleErrors().Should().BeEmpty();
        Keep(Browser.Screenshot("container-appeared"));
    }

    [Fact]
    public async Task A_stopped_database_turns_down_at_the_next_refresh()
    {
        StatusPage.OpenAndWaitForRefresh(Browser, scenario.Url("/"));
        Browser.WaitUntil(() => DatabaseState("Redis · cache") == "up", NextRefresh, "Redis up");
        Browser.WaitUntil(() => DatabaseState("PostgreSQL · main") == "up", NextRefresh, "PostgreSQL up");
        Keep(Browser.Screenshot("databases-up"));
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            // The README's picture of the page, taken here: everything up, containers running.
            File.Copy(Path.Join(Browser.Artifacts, "databases-up.png"), RepoPaths.Combine("docs", "images", "status-page.png"), overwrite: true);
        }

        await scenario.StopRedisAsync();

        Browser.WaitUntil(() => DatabaseState("Redis · cache") == "down", NextRefresh, "Redis down on the page");
        DatabaseState("PostgreSQL · main").Should().Be("up", "the other database is unaffected");
        Browser.ConsoleErrors().Should().BeEmpty();
        Keep(Browser.Screenshot("database-down"));
    }

    [Fact]
    public async Task The_script_renders_containers_and_databases_exactly_as_the_server()
    {
        StatusPage.OpenAndWaitForRefresh(Browser, scenario.Url("/"));
        Browser.WaitUntil(() => ContainerState("web") == "running", NextRefresh, "the containers on the page");

        var (server, script) = await StatusPage.BothRenderingsAsync(Browser, scenario.Url("/"));

        server.Should().Contain("<h2 id=\"h-ct\">Containers</h2><table").And.Contain("<h3>PostgreSQL · main</h3>");
        script.Should().Be(server);
    }

    private string? ContainerState(string name) => Browser.Script<string?>(
        "const r = [...document.querySelectorAll('table[aria-labelledby=\"h-ct\"] tbody tr')].find(r => r.cells[0].firstChild.textContent.trim() === arguments[0]); return r ? r.cells[2].querySelector('.badge').textContent : null;",
        name);

    private string? DatabaseState(string title) => Browser.Script<string?>(
        "const a = [...document.querySelectorAll('.dbs article')].find(a => a.querySelector('h3').textContent === arguments[0]); return a ? a.querySelector('.badge').textContent : null;",
        title);

    private void Keep(string path) => output.WriteLine($"screenshot: {path}");
}
