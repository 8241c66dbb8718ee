using System.Text.RegularExpressions;

namespace Exporter.Core.Linux;

/// <summary>Start-up validation of regular-expression options, so a bad pattern fails at boot, not in every scrape.</summary>
internal static class RegexValidation
{
    public static bool IsValid(string? pattern)
    {
        if (pattern is null)
        {
            return false;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
