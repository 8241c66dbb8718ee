using System.Text;

namespace Exporter.Core.Linux;

/// <summary>One line of /proc/[pid]/mounts.</summary>
internal sealed record MountEntry(string Device, string MountPoint, string FsType, string Options)
{
    /// <summary>True when the mount options include "ro" (how node_exporter decides readonly).</summary>
    public bool ReadOnly => Options.Split(',').Contains("ro", StringComparer.Ordinal);
}

/// <summary>
/// Parses /proc/[pid]/mounts (proc(5), fstab(5) format): "device mountpoint fstype options dump pass".
/// The kernel escapes space, tab, newline and backslash in the mount point as \040, \011, \012 and
/// \134 (fs/proc_namespace.c, mangle()); they are decoded here.
/// </summary>
internal static class MountsParser
{
    public static IReadOnlyList<MountEntry> Parse(string text)
    {
        var mounts = new List<MountEntry>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4)
            {
                throw new FormatException($"mounts: expected at least 4 fields, got {fields.Length}: '{line}'");
            }

            mounts.Add(new MountEntry(fields[0], Unescape(fields[1]), fields[2], fields[3]));
        }

        return mounts;
    }

    internal static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var result = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && IsOctal(field, i + 1))
            {
                result.Append((char)(((field[i + 1] - '0') * 64) + ((field[i + 2] - '0') * 8) + (field[i + 3] - '0')));
                i += 3;
            }
            else
            {
                result.Append(field[i]);
            }
        }

        return result.ToString();
    }

    private static bool IsOctal(string s, int start) =>
        start + 2 < s.Length && s[start] is >= '0' and <= '3' && s[start + 1] is >= '0' and <= '7' && s[start + 2] is >= '0' and <= '7';
}
