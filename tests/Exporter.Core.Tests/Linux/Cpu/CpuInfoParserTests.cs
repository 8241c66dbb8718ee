using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class CpuInfoParserTests
{
    private const string TwoCpus = """
        processor	: 0
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 85
        model name	: Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz
        stepping	: 4
        microcode	: 0x2006e05
        cache size	: 28160 KB
        physical id	: 0
        core id		: 0
        flags		: fpu vme de  sse2
        bugs		: cpu_meltdown spectre_v1
        power management:

        processor	: 1
        vendor_id	: GenuineIntel
        physical id	: 1
        core id		: 3

        """;

    [Fact]
    public void Parses_each_processor_block()
    {
        var cpus = CpuInfoParser.Parse(TwoCpus);

        cpus.Should().HaveCount(2);
        cpus[0].Should().BeEquivalentTo(new CpuInfo(
            0, "GenuineIntel", "6", "85", "Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz", "0x2006e05", "4", "28160 KB", "0", "0",
            ["fpu", "vme", "de", "sse2"], ["cpu_meltdown", "spectre_v1"]));
        cpus[1].Processor.Should().Be(1);
        cpus[1].PhysicalId.Should().Be("1");
        cpus[1].CoreId.Should().Be("3");
        cpus[1].ModelName.Should().BeEmpty();
        cpus[1].Flags.Should().BeEmpty();
    }

    [Fact]
    public void Skips_a_header_before_the_first_processor()
    {
        var cpus = CpuInfoParser.Parse("Processor\t: ARMv7 Processor rev 4 (v7l)\nprocessor\t: 0\nmodel name\t: ARMv7\n");

        cpus.Should().ContainSingle().Which.ModelName.Should().Be("ARMv7");
    }

    [Theory]
    [InlineData("processor\t: x\n")]
    [InlineData("processor\t:\n")]
    [InlineData("processor\t: 0\nprocessor\t: -1\n")]
    public void Rejects_a_malformed_processor_number(string text)
    {
        var act = () => CpuInfoParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("cpuinfo:*");
    }
}
