using System.Text;

namespace Exporter.Core.Linux;

/// <summary>The six fields of struct utsname (uname(2)).</summary>
internal sealed record UnameInfo(string SysName, string NodeName, string Release, string Version, string Machine, string DomainName);

/// <summary>
/// Converts the raw struct utsname that uname(2) fills. On Linux it is six NUL-terminated char
/// arrays of _UTSNAME_LENGTH (65) bytes each: sysname, nodename, release, version, machine,
/// domainname (the last a GNU extension, include/uapi/linux/utsname.h "new_utsname").
/// </summary>
internal static class UnameParser
{
    public const int FieldLength = 65;
    public const int FieldCount = 6;
    public const int StructSize = FieldLength * FieldCount;

    public static UnameInfo Parse(ReadOnlySpan<byte> utsname)
    {
        if (utsname.Length < StructSize)
        {
            throw new FormatException($"uname: struct utsname is {StructSize} bytes, got {utsname.Length}");
        }

        return new UnameInfo(Field(utsname, 0), Field(utsname, 1), Field(utsname, 2), Field(utsname, 3), Field(utsname, 4), Field(utsname, 5));
    }

    // Each field ends at its first NUL; the kernel always terminates them, but a field that fills
    // all 65 bytes is taken whole rather than read into the next one.
    private static string Field(ReadOnlySpan<byte> utsname, int index)
    {
        var field = utsname.Slice(index * FieldLength, FieldLength);
        var end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }
}
