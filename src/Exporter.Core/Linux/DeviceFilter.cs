using System.Text.RegularExpressions;

namespace Exporter.Core.Linux;

/// <summary>
/// node_exporter's device filter: a device is left out when it matches the exclude pattern or, when
/// an include pattern is given, does not match that. Like Go's <c>regexp.MatchString</c> a pattern
/// matches anywhere in the name unless it is anchored with ^ and $, as the defaults are. An empty
/// pattern means "no filter".
/// </summary>
public sealed class DeviceFilter
{
    private readonly Regex? _exclude;
    private readonly Regex? _include;

    public DeviceFilter(string? exclude, string? include)
    {
        _exclude = Compile(exclude);
        _include = Compile(include);
    }

    /// <summary>True when the device should not be reported.</summary>
    public bool Ignored(string name) =>
        (_exclude is not null && _exclude.IsMatch(name)) || (_include is not null && !_include.IsMatch(name));

    /// <summary>Null when <paramref name="pattern"/> is empty or a valid pattern, else what is wrong with it.</summary>
    internal static string? Check(string? pattern, string flag)
    {
        try
        {
            Compile(pattern);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"--{flag}: '{pattern}' is not a valid regular expression: {e.Message}";
        }
    }

    internal static Regex? Compile(string? pattern) =>
        string.IsNullOrEmpty(pattern) ? null : new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
