using System.Text.RegularExpressions;

namespace Exporter.Core.Linux;

/// <summary>
/// Regular expressions given in collector flags: compiled one way everywhere (culture-invariant, with
/// a match timeout so a pathological pattern cannot hang a scrape), and checked at start-up so a typo
/// fails the boot with the flag's name rather than failing every scrape.
/// </summary>
internal static class FlagRegex
{
    public static Regex Create(string pattern) => new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Null for an empty pattern, which the device and include filters read as "no filter".</summary>
    public static Regex? CreateOptional(string? pattern) => string.IsNullOrEmpty(pattern) ? null : Create(pattern);

    /// <summary>Null when <paramref name="pattern"/> is empty or compiles, else what is wrong with it.</summary>
    public static string? Check(string? pattern, string flag)
    {
        try
        {
            CreateOptional(pattern);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"--{flag}: '{pattern}' is not a valid regular expression: {e.Message}";
        }
    }

    /// <summary>
    /// A pattern with no "empty means off" reading (netstat and vmstat fields, netclass ignored
    /// devices): it must be set and compile.
    /// </summary>
    public static IEnumerable<string> CheckRequired(string? pattern, string flag) =>
        pattern is null ? [$"--{flag} must be set"] : Check(pattern, flag) is { } error ? [error] : [];
}
