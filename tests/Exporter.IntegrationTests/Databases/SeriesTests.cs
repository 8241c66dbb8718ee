namespace Exporter.IntegrationTests.Databases;

/// <summary>The scrape-until helper the database tests wait with: it must retry, not fail on the first scrape.</summary>
public sealed class SeriesTests
{
    [Fact]
    public async Task A_predicate_that_asserts_is_retried_until_it_holds()
    {
        var answers = new Queue<string>(["redis_up{target=\"a\"} 0\n", "other 1\n", "redis_up{target=\"a\"} 1\n"]);

        var metrics = await Series.ScrapeUntilAsync(
            () => Task.FromResult(answers.Dequeue()),
            m => m.Value("redis_up", ("target", "a")) == 1);

        answers.Should().BeEmpty("the second scrape has no redis_up: Value's assertion throws, which means 'not yet'");
        metrics.Value("redis_up", ("target", "a")).Should().Be(1);
    }
}
