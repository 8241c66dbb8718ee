using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class FilefdParserTests
{
    [Fact]
    public void File_nr_gives_allocated_and_maximum()
    {
        FilefdParser.Parse("2268\t0\t2466183\n").Should().Be((2268d, 2466183d));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2268\t0")]
    [InlineData("2268\t0\t-1")]
    [InlineData("x\t0\t1")]
    public void File_nr_rejects_malformed_input(string text)
    {
        var act = () => FilefdParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("filefd:*");
    }
}
