using System.Text;
using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class UnameParserTests
{
    [Fact]
    public void Reads_six_nul_terminated_fields_of_65_bytes()
    {
        var buffer = Utsname("Linux", "vm", "6.1.0-18-amd64", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1", "x86_64", "(none)");

        UnameParser.Parse(buffer).Should().Be(new UnameInfo("Linux", "vm", "6.1.0-18-amd64", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1", "x86_64", "(none)"));
    }

    [Fact]
    public void A_field_without_its_nul_stops_at_its_own_end()
    {
        var full = new string('n', 65);
        var buffer = Utsname("Linux", full, "r", "v", "m", "d");

        UnameParser.Parse(buffer).NodeName.Should().Be(full);
        UnameParser.Parse(buffer).Release.Should().Be("r");
    }

    [Fact]
    public void Rejects_a_short_buffer()
    {
        var act = () => UnameParser.Parse(new byte[64 * 6]);
        act.Should().Throw<FormatException>().WithMessage("uname:*");
    }

    [Fact]
    public void The_system_call_agrees_with_procfs()
    {
        var uname = UnameCollector.Read();

        uname.SysName.Should().Be(File.ReadAllText("/proc/sys/kernel/ostype").Trim());
        uname.Release.Should().Be(File.ReadAllText("/proc/sys/kernel/osrelease").Trim());
        uname.NodeName.Should().Be(File.ReadAllText("/proc/sys/kernel/hostname").Trim());
        uname.DomainName.Should().Be(File.ReadAllText("/proc/sys/kernel/domainname").Trim());
    }

    private static byte[] Utsname(params string[] fields)
    {
        var buffer = new byte[UnameParser.StructSize];
        for (var i = 0; i < fields.Length; i++)
        {
            Encoding.UTF8.GetBytes(fields[i]).CopyTo(buffer, i * UnameParser.FieldLength);
        }

        return buffer;
    }
}
