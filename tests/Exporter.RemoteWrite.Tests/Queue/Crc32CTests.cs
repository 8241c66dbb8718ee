using Exporter.RemoteWrite.Queue;

namespace Exporter.RemoteWrite.Tests.Queue;

public class Crc32CTests
{
    // The check values of CRC-32C (RFC 3720, appendix B.4; "123456789" is the catalogue's check input).
    [Theory]
    [InlineData("123456789", 0xE3069283u)]
    [InlineData("", 0x00000000u)]
    public void Matches_the_published_check_values(string text, uint expected) =>
        Crc32C.Compute(System.Text.Encoding.ASCII.GetBytes(text)).Should().Be(expected);

    [Fact]
    public void Matches_RFC_3720_for_32_bytes_of_zeros_and_of_ones()
    {
        Crc32C.Compute(new byte[32]).Should().Be(0x8A9136AAu);
        Crc32C.Compute(Enumerable.Repeat((byte)0xff, 32).ToArray()).Should().Be(0x62A8AB43u);
    }
}
