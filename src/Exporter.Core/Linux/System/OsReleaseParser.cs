using System.Text;
using System.Text.RegularExpressions;

namespace Exporter.Core.Linux;

/// <summary>
/// Parses os-release(5): newline-separated KEY=value assignments in shell syntax; values may be
/// unquoted or in single or double quotes, with backslash escapes outside single quotes; lines
/// starting with '#' are comments. Anything else is a <see cref="FormatException"/>.
/// </summary>
internal static partial class OsReleaseParser
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = TrimUnescaped(raw);
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            var key = eq > 0 ? line[..eq].Trim() : string.Empty;
            if (!KeyPattern().IsMatch(key))
            {
                throw new FormatException($"os-release: expected KEY=value, got '{line}'");
            }

            values[key] = Unquote(line[(eq + 1)..].TrimStart(), line);
        }

        return values;
    }

    /// <summary>
    /// node_os_version's value: the leading "major.minor" of VERSION_ID as a number ("22.04.3" →
    /// 22.04, "12" → 12), 0 when it does not start with a digit.
    /// </summary>
    public static double MajorMinor(string versionId)
    {
        var match = VersionPattern().Match(versionId);
        return match.Success ? ProcValue.ParseDouble("os-release", match.Value.TrimEnd('.')) : 0;
    }

    // Blanks around the line go, but not one a backslash escapes ("NAME=a\ " is "a ").
    private static string TrimUnescaped(string raw)
    {
        var line = raw.TrimStart();
        var end = line.Length;
        while (end > 0 && char.IsWhiteSpace(line[end - 1]) && !(end > 1 && line[end - 2] == '\\'))
        {
            end--;
        }

        return line[..end];
    }

    private static string Unquote(string value, string line)
    {
        var result = new StringBuilder(value.Length);
        char? quote = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (quote is null && c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == quote)
            {
                quote = null;
            }
            else if (c == '\\' && quote != '\'' && i + 1 < value.Length)
            {
                result.Append(value[++i]);
            }
            else
            {
                result.Append(c);
            }
        }

        return quote is null ? result.ToString() : throw new FormatException($"os-release: unterminated quote in '{line}'");
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[0-9]+\.?[0-9]*")]
    private static partial Regex VersionPattern();
}
