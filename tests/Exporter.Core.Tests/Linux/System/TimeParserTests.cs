using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class TimeParserTests
{
    [Fact]
    public void Names_the_zone_by_its_abbreviation_in_winter_and_summer()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        TimeParser.Zone(berlin, new DateTimeOffset(2024, 1, 15, 12, 0, 0, TimeSpan.Zero)).Should().Be(("CET", 3600.0));
        TimeParser.Zone(berlin, new DateTimeOffset(2024, 7, 15, 12, 0, 0, TimeSpan.Zero)).Should().Be(("CEST", 7200.0));
    }

    [Fact]
    public void Utc_is_called_UTC()
    {
        TimeParser.Zone(TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch).Should().Be(("UTC", 0.0));
        TimeParser.Zone(TimeZoneInfo.FindSystemTimeZoneById("Etc/UTC"), DateTimeOffset.UnixEpoch).Should().Be(("UTC", 0.0));
    }

    [Fact]
    public void Parses_clocksource_files()
    {
        var (available, current) = TimeParser.Clocksource("tsc hpet acpi_pm \n", "tsc\n");

        available.Should().Equal("tsc", "hpet", "acpi_pm");
        current.Should().Be("tsc");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("tsc hpet\n")]
    public void Rejects_a_malformed_current_clocksource(string current)
    {
        var act = () => TimeParser.Clocksource("tsc\n", current);
        act.Should().Throw<FormatException>().WithMessage("clocksource:*");
    }
}
