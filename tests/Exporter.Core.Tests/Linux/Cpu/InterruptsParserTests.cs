using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class InterruptsParserTests
{
    [Fact]
    public void Splits_numbered_and_named_interrupts_and_skips_short_rows()
    {
        var text = "           CPU0       CPU1       \n"
            + " 28:          0          7 PCI-MSIX-0000:00:01.0   0-edge      virtio0-config\n"
            + "LOC:      28549      26321   Local timer interrupts\n"
            + "ERR:          0\n";

        var interrupts = InterruptsParser.Parse(text);

        interrupts.Should().HaveCount(2);
        interrupts[0].Should().BeEquivalentTo(new Interrupt("28", "PCI-MSIX-0000:00:01.0", "0-edge virtio0-config", [0d, 7d]));
        interrupts[1].Should().BeEquivalentTo(new Interrupt("LOC", "Local timer interrupts", string.Empty, [28549d, 26321d]));
    }

    [Fact]
    public void Reads_aarch64_rows_without_a_space_after_the_colon()
    {
        var interrupts = InterruptsParser.Parse("       CPU0\nIPI0:1234       Rescheduling interrupts\n");
        interrupts.Should().ContainSingle().Which.Should().BeEquivalentTo(new Interrupt("IPI0", "Rescheduling interrupts", string.Empty, [1234d]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  CPU0 CPU1\nno colon here\n")]
    [InlineData("  CPU0 CPU1\n 28: 1 x IO-APIC 5-edge ACPI\n")]
    public void Rejects_malformed_input(string text)
    {
        var act = () => InterruptsParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("interrupts:*");
    }
}
