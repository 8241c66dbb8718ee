using Exporter.Host.Status;

namespace Exporter.Core.Tests.Host.Status;

public sealed class ErrorTextTests
{
    [Theory]
    [InlineData("GET https://user:s3cret@example.com/v1 failed", "GET https://***@example.com/v1 failed")]
    [InlineData("Host=db;Username=app;Password=s3cret;Timeout=5", "Host=db;Username=app;Password=***;Timeout=5")]
    [InlineData("auth failed: password: \"two words\" rejected", "auth failed: password: *** rejected")]
    [InlineData("api_key=XYZ&x=1, Token: abc", "api_key=***&x=1, Token: ***")]
    [InlineData("malformed line 'secret=abc'", "malformed line 'secret=***'")]
    [InlineData("/proc/stat: line 3 is malformed", "/proc/stat: line 3 is malformed")]
    public void Credentials_are_masked_and_the_rest_kept(string error, string shown)
    {
        ErrorText.Clean(error).Should().Be(shown);
    }

    [Fact]
    public void Long_text_is_cut_and_lines_are_joined()
    {
        var shown = ErrorText.Clean("first\nsecond\r\n" + new string('x', 1000));

        shown.Should().StartWith("first second ").And.EndWith("…");
        shown.Length.Should().Be(ErrorText.MaxLength);
    }
}
