using Exporter.Core.Exposition;

namespace Exporter.Core.Tests.Exposition;

public sealed class ContentNegotiationTests
{
    [Theory]
    [InlineData(null, ExpositionFormat.Text)]
    [InlineData("", ExpositionFormat.Text)]
    [InlineData("*/*", ExpositionFormat.Text)]
    [InlineData("text/plain;version=0.0.4", ExpositionFormat.Text)]
    [InlineData("application/openmetrics-text", ExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text; version=1.0.0; charset=utf-8", ExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text;version=2.0.0", ExpositionFormat.Text)]
    [InlineData("application/json", ExpositionFormat.Text)]
    // What Prometheus 2.42 sends.
    [InlineData("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", ExpositionFormat.OpenMetrics)]
    [InlineData("text/plain;version=0.0.4;q=0.9,application/openmetrics-text;q=0.5", ExpositionFormat.Text)]
    [InlineData("text/plain;q=0.2,application/openmetrics-text;q=0.5", ExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text;q=0,text/plain", ExpositionFormat.Text)]
    [InlineData("application/openmetrics-text;q=abc", ExpositionFormat.Text)]
    public void Chooses_the_preferred_acceptable_format(string? accept, ExpositionFormat expected)
    {
        ContentNegotiation.ChooseFormat(accept).Should().Be(expected);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("gzip", true)]
    [InlineData("deflate, gzip;q=0.5", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("identity", false)]
    [InlineData("*", true)]
    public void Gzips_only_when_allowed(string? acceptEncoding, bool expected)
    {
        ContentNegotiation.AcceptsGzip(acceptEncoding).Should().Be(expected);
    }
}
