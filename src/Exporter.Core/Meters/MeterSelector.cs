namespace Exporter.Core.Meters;

/// <summary>Decides from a meter's name whether it is exported: exclusions win, then built-ins, then inclusions.</summary>
internal sealed class MeterSelector(MeterExportOptions options)
{
    /// <summary>The meters .NET 10 and ASP.NET Core 10 publish that every app wants on its dashboards.</summary>
    public static readonly IReadOnlyList<string> BuiltIn =
    [
        "System.Runtime",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "System.Net.Http",
        "System.Net.NameResolution",
    ];

    private readonly string[] _include = [.. options.Include];
    private readonly string[] _exclude = [.. options.Exclude];

    public bool Includes(string meterName) =>
        !_exclude.Any(p => Matches(p, meterName))
        && ((options.BuiltInMeters && BuiltIn.Contains(meterName, StringComparer.Ordinal)) || _include.Any(p => Matches(p, meterName)));

    /// <summary>'*' matches any run of characters (none included); everything else literally, ignoring case.</summary>
    internal static bool Matches(string pattern, string name)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern, name, StringComparison.OrdinalIgnoreCase);
        }

        if (!name.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase) || !name.EndsWith(parts[^1], StringComparison.OrdinalIgnoreCase)
            || name.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }

        var position = parts[0].Length;
        var end = name.Length - parts[^1].Length;
        foreach (var part in parts.AsSpan(1, parts.Length - 2))
        {
            var found = name.IndexOf(part, position, end - position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            position = found + part.Length;
        }

        return true;
    }
}
