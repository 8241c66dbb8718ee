using System.Text.RegularExpressions;

namespace Exporter.Core.Linux;

/// <summary>
/// node_exporter's device filter: a device is left out when it matches the exclude pattern or, when
/// an include pattern is given, does not match that. Like Go's <c>regexp.MatchString</c> a pattern
/// matches anywhere in the name unless it is anchored with ^ and $, as the defaults are. An empty
/// pattern means "no filter".
/// </summary>
internal sealed class DeviceFilter
{
    private readonly Regex? _exclude;
    private readonly Regex? _include;

    public DeviceFilter(string? exclude, string? include)
    {
        _exclude = FlagRegex.CreateOptional(exclude);
        _include = FlagRegex.CreateOptional(include);
    }

    /// <summary>True when the device should not be reported.</summary>
    public bool Ignored(string name) =>
        (_exclude is not null && _exclude.IsMatch(name)) || (_include is not null && !_include.IsMatch(name));

    /// <summary>
    /// What is wrong with a collector's device-exclude / device-include pair: a pattern that does not
    /// compile, or both given (node_exporter: "mutually exclusive").
    /// </summary>
    internal static IEnumerable<string> Errors(string collector, string? exclude, string? include)
    {
        if (!string.IsNullOrEmpty(exclude) && !string.IsNullOrEmpty(include))
        {
            yield return $"--collector.{collector}.device-exclude and --collector.{collector}.device-include are mutually exclusive";
        }

        if (FlagRegex.Check(exclude, $"collector.{collector}.device-exclude") is { } excludeError)
        {
            yield return excludeError;
        }

        if (FlagRegex.Check(include, $"collector.{collector}.device-include") is { } includeError)
        {
            yield return includeError;
        }
    }
}
