using Exporter.Core.Linux;

namespace Exporter.Core.Tests.Linux;

public sealed class MountsParserTests
{
    [Fact]
    public void Parses_device_mount_point_type_and_options()
    {
        var mounts = MountsParser.Parse(
            "/dev/vda / ext4 rw,relatime,discard 0 0\n" +
            "tmpfs /dev/shm tmpfs rw,nosuid,nodev 0 0\n");

        mounts.Should().Equal(
            new MountEntry("/dev/vda", "/", "ext4", "rw,relatime,discard"),
            new MountEntry("tmpfs", "/dev/shm", "tmpfs", "rw,nosuid,nodev"));
    }

    [Theory]
    [InlineData(@"/srv/backup\040copy", "/srv/backup copy")]
    [InlineData(@"/mnt/tab\011here", "/mnt/tab\there")]
    [InlineData(@"/mnt/back\134slash", @"/mnt/back\slash")]
    [InlineData(@"/mnt/not\08escape", @"/mnt/not\08escape")]
    [InlineData(@"/mnt/end\04", @"/mnt/end\04")]
    public void Decodes_the_kernels_octal_escapes_in_mount_points(string field, string expected)
    {
        MountsParser.Parse($"dev {field} ext4 rw 0 0")[0].MountPoint.Should().Be(expected);
    }

    [Theory]
    [InlineData("rw,relatime", false)]
    [InlineData("ro,relatime", true)]
    [InlineData("rw,errors=remount-ro", false)]
    public void Readonly_comes_from_the_ro_option(string options, bool readOnly)
    {
        new MountEntry("d", "/", "ext4", options).ReadOnly.Should().Be(readOnly);
    }

    [Fact]
    public void Empty_input_has_no_mounts()
    {
        MountsParser.Parse(string.Empty).Should().BeEmpty();
    }

    [Theory]
    [InlineData("/dev/vda / ext4\n")]
    [InlineData("/dev/vda\n")]
    [InlineData("/dev/vda / ext4 rw 0 0\ntmpfs /tmp\n")]
    public void Rejects_truncated_lines(string text)
    {
        var act = () => MountsParser.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("mounts:*");
    }
}
