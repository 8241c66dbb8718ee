using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

/// <summary>The small per-process files: status, io, limits.</summary>
public sealed class ProcFileParsersTests
{
    [Fact]
    public void Status_gives_VmSwap_in_bytes_and_0_when_the_line_is_absent()
    {
        ProcStatusParser.SwapBytes("Name:\tbash\nVmRSS:\t  2184 kB\nVmSwap:\t    12 kB\nThreads:\t1\n").Should().Be(12 * 1024);
        ProcStatusParser.SwapBytes("VmSwap:\t1 kB").Should().Be(1024);
        ProcStatusParser.SwapBytes("Name:\tkworker/0:1\nThreads:\t1\n").Should().Be(0, "kernel threads have no Vm* lines");
    }

    [Theory]
    [InlineData("VmSwap:\tlots kB\n")]
    [InlineData("VmSwap:\t12\n")]
    public void Status_rejects_a_malformed_size(string text)
    {
        var act = () => ProcStatusParser.SwapBytes(text);
        act.Should().Throw<FormatException>().WithMessage("status:*");
    }

    [Fact]
    public void Io_gives_storage_read_and_write_bytes()
    {
        ProcIoParser.Parse("rchar: 6976\nwchar: 1\nsyscr: 10\nsyscw: 0\nread_bytes: 4096\nwrite_bytes: 8192\ncancelled_write_bytes: 0\n")
            .Should().Be((4096.0, 8192.0));
    }

    [Theory]
    [InlineData("")]
    [InlineData("rchar: 1\nread_bytes: 4096\n")]
    [InlineData("read_bytes 4096\nwrite_bytes: 1\n")]
    [InlineData("read_bytes: -1\nwrite_bytes: 1\n")]
    public void Io_rejects_malformed_input(string text)
    {
        var act = () => ProcIoParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("io:*");
    }

    [Fact]
    public void Limits_gives_soft_limits_and_unlimited_as_the_largest_64_bit_value()
    {
        const string text = """
            Limit                     Soft Limit           Hard Limit           Units
            Max open files            20000                40000                files
            Max address space         unlimited            unlimited            bytes
            """;
        ProcLimitsParser.Parse(text).Should().Be((20000.0, 18446744073709551615.0));
    }

    [Theory]
    [InlineData("Limit Soft Hard Units\n")]
    [InlineData("Max open files   many   many   files\nMax address space unlimited unlimited bytes\n")]
    public void Limits_rejects_malformed_input(string text)
    {
        var act = () => ProcLimitsParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("limits:*");
    }
}
