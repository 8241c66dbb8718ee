using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class TimeCollectorTests
{
    [Fact]
    public async Task Reports_the_injected_clock_its_zone_and_the_fixture_clocksources()
    {
        var clock = new FixedClock(new DateTimeOffset(2024, 7, 15, 12, 0, 0, 500, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

        var samples = await Fixtures.CollectAsync(new TimeCollector(Fixtures.Paths, clock));

        samples.Should().Equal(new Dictionary<string, double>
        {
            ["node_time_seconds"] = 1721044800.5,
            ["node_time_zone_offset_seconds{EDT}"] = -4 * 3600,
            ["node_time_clocksource_available_info{tsc,0}"] = 1,
            ["node_time_clocksource_available_info{kvm-clock,0}"] = 1,
            ["node_time_clocksource_current_info{tsc,0}"] = 1,
        });
    }

    private sealed class FixedClock(DateTimeOffset now, TimeZoneInfo zone) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => zone;
    }
}
