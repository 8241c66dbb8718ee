using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class UdevParserTests
{
    [Fact]
    public void Keeps_only_device_properties()
    {
        var properties = UdevParser.Parse(
            "S:disk/by-id/ata-X\nI:1234\nE:ID_MODEL=Samsung SSD 970\nE:ID_PATH=pci-0000:00:1f.2-ata-1\nE:EMPTY=\nE:broken\nG:systemd\n");

        properties.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["ID_MODEL"] = "Samsung SSD 970",
            ["ID_PATH"] = "pci-0000:00:1f.2-ata-1",
            ["EMPTY"] = string.Empty,
        });
    }

    [Fact]
    public void Value_may_contain_equals_signs()
    {
        UdevParser.Parse("E:DM_UUID=a=b\n")["DM_UUID"].Should().Be("a=b");
    }
}
