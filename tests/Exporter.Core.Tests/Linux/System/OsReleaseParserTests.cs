using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class OsReleaseParserTests
{
    [Fact]
    public void Parses_quoted_and_unquoted_values_and_skips_comments()
    {
        var text = "# comment\nPRETTY_NAME=\"Ubuntu 22.04.3 LTS\"\nNAME='Ubuntu'\nID=ubuntu\nID_LIKE=debian\n\nVERSION=\"22.04.3 LTS (Jammy \\\"Jellyfish\\\")\"\n";

        var os = OsReleaseParser.Parse(text);

        os.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["PRETTY_NAME"] = "Ubuntu 22.04.3 LTS",
            ["NAME"] = "Ubuntu",
            ["ID"] = "ubuntu",
            ["ID_LIKE"] = "debian",
            ["VERSION"] = "22.04.3 LTS (Jammy \"Jellyfish\")",
        });
    }

    [Theory]
    [InlineData("NAME\n")]
    [InlineData("=value\n")]
    [InlineData("NAME=\"unterminated\n")]
    [InlineData("BAD-KEY=1\n")]
    public void Rejects_malformed_lines(string text)
    {
        var act = () => OsReleaseParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("os-release:*");
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("22.04", 22.04)]
    [InlineData("9.2.1", 9.2)]
    [InlineData("3.18.4", 3.18)]
    [InlineData("rolling", 0)]
    [InlineData("", 0)]
    public void Major_minor_is_the_leading_number_of_version_id(string versionId, double expected)
    {
        OsReleaseParser.MajorMinor(versionId).Should().Be(expected);
    }
}
