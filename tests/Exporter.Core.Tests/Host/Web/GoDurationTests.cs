using Exporter.Host.Web;

namespace Exporter.Core.Tests.Host.Web;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("1s", 1000)]
    [InlineData("500ms", 500)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("2m", 120_000)]
    [InlineData("0", 0)]
    [InlineData("0s", 0)]
    [InlineData("1000000000", 1000)] // a bare integer is nanoseconds, as yaml.v2 reads a time.Duration
    [InlineData("1500us", 1.5)]
    public void Parses_go_durations(string text, double milliseconds)
    {
        GoDuration.TryParse(text, out var duration).Should().BeTrue();

        duration.TotalMilliseconds.Should().BeApproximately(milliseconds, 1e-6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("-1s")]
    [InlineData("1d")]
    [InlineData("1 s")]
    [InlineData("ten seconds")]
    public void Refuses_anything_else(string text)
    {
        GoDuration.TryParse(text, out _).Should().BeFalse();
    }
}
