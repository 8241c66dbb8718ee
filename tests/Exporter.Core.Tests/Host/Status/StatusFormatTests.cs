using Exporter.Host.Status;

namespace Exporter.Core.Tests.Host.Status;

/// <summary>The expected strings are what the page's script gives for the same numbers (checked in the browser test too).</summary>
public sealed class StatusFormatTests
{
    [Theory]
    [InlineData(2.5, 0, "3")]
    [InlineData(0.5, 0, "1")]
    [InlineData(0.25, 1, "0.3")]
    [InlineData(12.345, 2, "12.35")]
    [InlineData(99.95, 1, "100.0")]
    [InlineData(0.04, 1, "0.0")]
    [InlineData(7, 2, "7.00")]
    public void Fixed_rounds_half_up_like_the_page_script(double value, int digits, string text)
    {
        StatusFormat.Fixed(value, digits).Should().Be(text);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1024, "1.0 KiB")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(270553174016, "252.0 GiB")]
    [InlineData(3e18, "2664.5 PiB")]
    public void Bytes_in_binary_units(double value, string text)
    {
        StatusFormat.Bytes(value).Should().Be(text);
    }

    [Theory]
    [InlineData(9.9, "9s")]
    [InlineData(125, "2m 5s")]
    [InlineData(7260, "2h 1m")]
    [InlineData(90061, "1d 1h")]
    public void Durations_in_the_two_largest_units(double seconds, string text)
    {
        StatusFormat.Duration(seconds).Should().Be(text);
    }

    [Fact]
    public void Missing_figures_are_a_dash()
    {
        StatusFormat.Percent(null).Should().Be("\u2013");
        StatusFormat.Rate(null).Should().Be("\u2013");
        StatusFormat.Duration(null).Should().Be("\u2013");
    }

    [Theory]
    [InlineData(2, "2")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(12.34, "12.34")]
    public void Raw_values_are_written_as_javascript_writes_them(double value, string text)
    {
        StatusFormat.Raw(value).Should().Be(text);
    }

    [Fact]
    public void Escaping_covers_the_five_html_specials()
    {
        StatusFormat.Esc("<a href=\"x\" title='y'>&</a>").Should().Be("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        StatusFormat.Esc("plain").Should().Be("plain");
    }
}
