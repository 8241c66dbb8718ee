using System.Text.RegularExpressions;

namespace Exporter.Core.Linux;

/// <summary>Checks a regular expression given in a flag, so a typo fails at start-up rather than on every scrape.</summary>
internal static class RegexText
{
    /// <summary>True when <paramref name="pattern"/> is empty or compiles.</summary>
    public static bool IsValid(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return true;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
