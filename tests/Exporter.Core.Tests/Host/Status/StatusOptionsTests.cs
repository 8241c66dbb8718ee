using Exporter.Host.Status;
using Microsoft.Extensions.Configuration;

namespace Exporter.Core.Tests.Host.Status;

public sealed class StatusOptionsTests
{
    [Theory]
    [InlineData(null, 10)]
    [InlineData("10s", 10)]
    [InlineData("1s", 1)]
    [InlineData("1500ms", 1.5)]
    [InlineData("00:00:30", 30)]
    public void The_refresh_interval_takes_durations_from_1_to_30_seconds(string? value, double seconds)
    {
        StatusOptions.From(Section(value)).RefreshInterval.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("0s")]
    [InlineData("500ms")]
    [InlineData("31s")]
    [InlineData("1m")]
    [InlineData("ten")]
    public void Anything_else_is_a_clear_error_naming_the_setting(string value)
    {
        var read = () => StatusOptions.From(Section(value));

        read.Should().Throw<FormatException>().WithMessage("Exporter:Status:RefreshInterval must be a duration from 1s to 30s (e.g. 10s)");
    }

    private static IConfiguration Section(string? refresh) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Exporter:Status:RefreshInterval"] = refresh }).Build().GetSection("Exporter:Status");
}
