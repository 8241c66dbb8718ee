using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class ProcValueTests
{
    [Theory]
    [InlineData("1500", 1500)]
    [InlineData("-1\n", -1)]
    [InlineData("0x1003", 4099)]
    [InlineData("0X0", 0)]
    [InlineData("-0x10", -16)]
    public void Parses_integers_in_the_bases_sysfs_uses(string text, long expected)
    {
        ProcValue.ParseInt64("test", text).Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("1.5")]
    [InlineData("1 000")]
    [InlineData("--1")]
    public void Rejects_what_is_not_an_integer(string text)
    {
        var act = () => ProcValue.ParseInt64("test", text);
        act.Should().Throw<FormatException>().WithMessage("test:*");
    }

    [Fact]
    public void Error_messages_stay_short()
    {
        var act = () => ProcValue.ParseDouble("test", new string('x', 10_000));
        act.Should().Throw<FormatException>().Which.Message.Length.Should().BeLessThan(200);
    }
}
